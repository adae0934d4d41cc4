/**
 * The district's rules and the day the board is computed for (数据截至), read once per process: once per
 * build, and once per build bundle the server loads. Every page's frame (Base.astro) and the board
 * (board.ts) take them from here, so a page and its figures name the same day, and the on-demand pages
 * need no content store to name it.
 */
import type { IsoDate } from '../lib/calendar/dates.ts';
import type { Settings } from '../lib/content/schemas.ts';
import { boardDay, loadDistrictRules, type DistrictRules } from './district-rules.ts';

export interface SiteFrame {
  rules: DistrictRules;
  settings: Settings;
  asOf: IsoDate;
}

let frame: SiteFrame | undefined;

export function siteFrame(): SiteFrame {
  if (!frame) {
    const rules = loadDistrictRules();
    frame = { rules, settings: rules.settings, asOf: boardDay(rules.settings).asOf };
  }
  return frame;
}
