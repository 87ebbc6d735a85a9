/** What a control for one view option takes: SegmentedSwitch (radios) and SelectControl (drop-down). */
export interface ChoiceProps<V> {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onchange: (value: V) => void;
}
