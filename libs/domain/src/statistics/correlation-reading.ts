import { CorrelationInterval } from './confidence-interval';
import { LagCorrelation } from './lagged-correlation';

/** Languages of plain-language texts. */
export type Language = 'en' | 'fr';

/** What the data allows us to say. */
export enum CorrelationVerdict {
  /** n below the minimum, or r/CI undefined: the reading refuses to conclude. */
  NOT_ENOUGH_DATA = 'NOT_ENOUGH_DATA',
  /** The confidence interval includes 0: no link can be claimed. */
  NO_CLEAR_LINK = 'NO_CLEAR_LINK',
  /** The confidence interval excludes 0. */
  LINK = 'LINK',
}

/** Strength of a link by |r|: < 0.3 weak, < 0.5 moderate, ≥ 0.5 strong (Cohen's conventions). */
export type LinkStrength = 'WEAK' | 'MODERATE' | 'STRONG';
/** Sign of a link. */
export type LinkDirection = 'POSITIVE' | 'NEGATIVE';

/** A correlation to read: r, its n and its confidence interval (null when undefined). */
export interface CorrelationEstimate {
  readonly r: number | null;
  readonly n: number;
  readonly ci: CorrelationInterval | null;
}

/** Options of the reading functions. */
export interface ReadingOptions {
  /** Minimum number of pairs before any conclusion (default 10). */
  readonly minN?: number;
}

/** Structured reading plus its sentence. */
export interface CorrelationReading {
  readonly verdict: CorrelationVerdict;
  readonly strength: LinkStrength | null;
  readonly direction: LinkDirection | null;
  readonly text: string;
}

/** Reading of a set of lags: the overall verdict, the strongest conclusive lag and per-lag readings. */
export interface LaggedCorrelationReading {
  readonly verdict: CorrelationVerdict;
  readonly bestLag: number | null;
  readonly text: string;
  readonly lags: readonly (CorrelationReading & { readonly lag: number })[];
}

/** Default minimum n below which readings say "not enough data to say". */
export const DEFAULT_MIN_N = 10;

/** Strength category of |r|. */
export function linkStrength(r: number): LinkStrength {
  const a = Math.abs(r);
  if (a < 0.3) return 'WEAK';
  if (a < 0.5) return 'MODERATE';
  return 'STRONG';
}

function num(value: number, lang: Language): string {
  const text = (Object.is(value, -0) ? 0 : value).toFixed(2);
  return lang === 'fr' ? text.replace('.', ',') : text;
}

function stats(e: CorrelationEstimate & { r: number; ci: CorrelationInterval }, lang: Language): string {
  const pct = Math.round(e.ci.level * 100);
  return lang === 'en'
    ? `r = ${num(e.r, lang)}, ${pct}% CI ${num(e.ci.lower, lang)} to ${num(e.ci.upper, lang)}, n = ${e.n}`
    : `r = ${num(e.r, lang)} ; IC à ${pct} % : ${num(e.ci.lower, lang)} à ${num(e.ci.upper, lang)} ; n = ${e.n}`;
}

const STRENGTH_WORDS: Record<Language, Record<LinkStrength, string>> = {
  en: { WEAK: 'weak', MODERATE: 'moderate', STRONG: 'strong' },
  fr: { WEAK: 'faible', MODERATE: 'modéré', STRONG: 'fort' },
};

function linkPhrase(strength: LinkStrength, direction: LinkDirection, lang: Language): string {
  if (lang === 'en')
    return `${STRENGTH_WORDS.en[strength]} ${direction === 'POSITIVE' ? 'positive' : 'negative'} link`;
  return `lien ${direction === 'POSITIVE' ? 'positif' : 'négatif'} ${STRENGTH_WORDS.fr[strength]}`;
}

function tendency(direction: LinkDirection, lang: Language): string {
  if (lang === 'en') {
    return direction === 'POSITIVE'
      ? 'when the internal measure is higher, the customer measure tends to be higher too'
      : 'when the internal measure is higher, the customer measure tends to be lower';
  }
  return direction === 'POSITIVE'
    ? 'quand la mesure interne est plus haute, la mesure client tend à l’être aussi'
    : 'quand la mesure interne est plus haute, la mesure client tend à être plus basse';
}

const CAUTION: Record<Language, string> = {
  en: 'A correlation does not prove cause and effect.',
  fr: 'Une corrélation ne prouve pas un lien de cause à effet.',
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Plain-language reading of one correlation. Says "not enough data to say" when n < minN (default 10)
 * or r/CI is undefined; "no clear link" when the CI includes 0; otherwise strength, direction and figures.
 */
export function readCorrelation(
  estimate: CorrelationEstimate,
  lang: Language,
  options: ReadingOptions = {},
): CorrelationReading {
  const minN = options.minN ?? DEFAULT_MIN_N;
  const { r, ci, n } = estimate;
  if (n < minN || r === null || ci === null) {
    return {
      verdict: CorrelationVerdict.NOT_ENOUGH_DATA,
      strength: null,
      direction: null,
      text:
        lang === 'en'
          ? `Not enough data to say (n = ${n}; at least ${minN} paired observations are needed).`
          : `Pas assez de données pour conclure (n = ${n} ; il faut au moins ${minN} observations appariées).`,
    };
  }
  const figures = stats({ r, ci, n }, lang);
  if (ci.lower <= 0 && ci.upper >= 0) {
    return {
      verdict: CorrelationVerdict.NO_CLEAR_LINK,
      strength: null,
      direction: null,
      text:
        lang === 'en'
          ? `No clear link: the confidence interval includes zero (${figures}).`
          : `Pas de lien net : l’intervalle de confiance inclut zéro (${figures}).`,
    };
  }
  const strength = linkStrength(r);
  const direction: LinkDirection = r > 0 ? 'POSITIVE' : 'NEGATIVE';
  return {
    verdict: CorrelationVerdict.LINK,
    strength,
    direction,
    text: `${capitalise(linkPhrase(strength, direction, lang))} (${figures})${lang === 'fr' ? ' :' : ':'} ${tendency(direction, lang)}. ${CAUTION[lang]}`,
  };
}

function lagPhrase(lag: number, lang: Language): string {
  if (lang === 'en') {
    return lag === 0
      ? 'within the same period'
      : `when the internal measure leads the customer measure by ${lag} period${lag > 1 ? 's' : ''}`;
  }
  return lag === 0
    ? 'sur la même période'
    : `quand la mesure interne précède la mesure client de ${lag} période${lag > 1 ? 's' : ''}`;
}

/**
 * Plain-language reading of lagged correlations: names the lag with the largest |r| among those whose
 * CI excludes 0 (ties: shortest lag); "no clear link" when none does but some lag has enough data;
 * "not enough data to say" when no lag reaches minN.
 */
export function readLaggedCorrelation(
  lags: readonly LagCorrelation[],
  lang: Language,
  options: ReadingOptions = {},
): LaggedCorrelationReading {
  const readings = lags.map((l) => ({ lag: l.lag, ...readCorrelation(l, lang, options) }));
  let best: LagCorrelation | null = null;
  for (const l of lags) {
    const reading = readings.find((x) => x.lag === l.lag);
    if (reading?.verdict !== CorrelationVerdict.LINK || l.r === null) continue;
    if (
      best === null ||
      Math.abs(l.r) > Math.abs(best.r as number) ||
      (Math.abs(l.r) === Math.abs(best.r as number) && l.lag < best.lag)
    ) {
      best = l;
    }
  }
  if (best !== null) {
    const reading = readCorrelation(best, lang, options);
    const strength = reading.strength as LinkStrength;
    const direction = reading.direction as LinkDirection;
    const figures = stats({ r: best.r as number, ci: best.ci as CorrelationInterval, n: best.n }, lang);
    const text =
      lang === 'en'
        ? `Strongest link ${lagPhrase(best.lag, lang)}: ${linkPhrase(strength, direction, lang)} (${figures}). ${CAUTION.en}`
        : `Lien le plus marqué ${lagPhrase(best.lag, lang)} : ${linkPhrase(strength, direction, lang)} (${figures}). ${CAUTION.fr}`;
    return { verdict: CorrelationVerdict.LINK, bestLag: best.lag, text, lags: readings };
  }
  const anyEnough = readings.some((x) => x.verdict === CorrelationVerdict.NO_CLEAR_LINK);
  if (anyEnough) {
    return {
      verdict: CorrelationVerdict.NO_CLEAR_LINK,
      bestLag: null,
      text:
        lang === 'en'
          ? 'No clear link at any lag: every confidence interval includes zero.'
          : 'Pas de lien net, quel que soit le décalage : chaque intervalle de confiance inclut zéro.',
      lags: readings,
    };
  }
  const maxN = lags.reduce((m, l) => Math.max(m, l.n), 0);
  const minN = options.minN ?? DEFAULT_MIN_N;
  return {
    verdict: CorrelationVerdict.NOT_ENOUGH_DATA,
    bestLag: null,
    text:
      lang === 'en'
        ? `Not enough data to say (at most ${maxN} paired observations per lag; at least ${minN} are needed).`
        : `Pas assez de données pour conclure (au plus ${maxN} observations appariées par décalage ; il en faut au moins ${minN}).`,
    lags: readings,
  };
}
