export interface Message {
  zh: string;
  en: string;
}

export const m = (zh: string, en: string): Message => ({ zh, en });
