/** theme_track: tokens and topics of each theme's member terms in each track. */
import type { ThemeTrackRow } from '../contract.ts';
import type { Dictionaries } from '../model.ts';
import type { EditionIndex } from './counts.ts';
import { compareCodePoints } from './order.ts';

export function themeTrackRows(index: EditionIndex, themes: Dictionaries['themes']): ThemeTrackRow[] {
  const V = index.terms.length;
  const T = index.tracks.length;
  // Every token counts here, generic verbs included (the dashboard filters through the terms table).
  const counts = index.variants.kept;
  const memberOf = new Int32Array(V).fill(-1);
  const rows: ThemeTrackRow[] = [];
  const names = [...themes.keys()].sort(compareCodePoints);
  names.forEach((theme, serial) => {
    // A term listed twice in a theme still counts once.
    const members = new Set<number>();
    for (const term of themes.get(theme) ?? []) {
      const id = index.termIds.get(term);
      if (id !== undefined) members.add(id);
    }
    if (members.size === 0) return;
    for (const id of members) memberOf[id] = serial;
    for (let k = 0; k < T; k++) {
      let count = 0;
      for (const id of members) count += counts.trackTermCount[k * V + id];
      if (count === 0) continue;
      let topics = 0;
      for (const u of index.unitsByTrack[k]) {
        if (index.units[u].distinctTermIds.some((id) => memberOf[id] === serial)) topics++;
      }
      rows.push({ edition_id: index.editionId, theme, track_no: index.tracks[k].track_no, count, topics });
    }
  });
  return rows;
}
