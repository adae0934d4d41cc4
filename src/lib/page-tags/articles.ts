/**
 * The article tags (ArticleTitle, PubDate, ContentSource) of the four kinds of content page. Each date is
 * the content's own (a task's start, a case's or a bulletin's date, the time a message was answered), so
 * rebuilding the site never moves it; each source is a unit named in the content, or the office that runs
 * the site where the content names none.
 */
import type { ArticleTags } from './meta.ts';
import { pubDateOfDay, pubDateOfInstant } from './pub-date.ts';

/** Who publishes on the site when a piece of content names no unit of its own: the 承办 office, or the 主办 one. */
export function siteOffice(settings: { sponsor: string; organiser?: string | undefined }): string {
  return settings.organiser || settings.sponsor;
}

/**
 * A task: its title, the day it starts (the task book is public from then; tasks have no other
 * publication date), and its lead unit (牵头单位), which answers for it.
 */
export function taskArticle(task: { title: string; start: string; leadUnit: string }, unitName: (id: string) => string): ArticleTags {
  return { title: task.title, pubDate: pubDateOfDay(task.start), source: unitName(task.leadUnit) };
}

/**
 * A case on the exposure board: its title and date (曝光日期); its source is the issuer of the bulletin
 * that published it, or the office running the site when it came out without one.
 */
export function caseArticle(c: { title: string; date: string }, bulletin: { issuer: string } | undefined, office: string): ArticleTags {
  return { title: c.title, pubDate: pubDateOfDay(c.date), source: bulletin?.issuer ?? office };
}

/** A supervision record: its title, the day it was issued and the office that issued it. */
export function supervisionArticle(r: { title: string; date: string; issuer: string }): ArticleTags {
  return { title: r.title, pubDate: pubDateOfDay(r.date), source: r.issuer };
}

/** A bulletin: its title, its date (发布日期) and its issuer (发文单位). */
export function bulletinArticle(b: { title: string; date: string; issuer: string }): ArticleTags {
  return { title: b.title, pubDate: pubDateOfDay(b.date), source: b.issuer };
}

/**
 * A published message: its (masked) title, the minute it was answered (the answer is what the page
 * publishes; a closed message without one, such as a repeat, dates from its closing) and the unit that
 * answered it.
 */
export function messageArticle(
  m: { title: string; unitName: string | null; repliedAt: string | null; closedAt: string | null; submittedAt: string },
  office: string,
): ArticleTags {
  return { title: m.title, pubDate: pubDateOfInstant(m.repliedAt ?? m.closedAt ?? m.submittedAt), source: m.unitName ?? office };
}
