import { fisherConfidenceInterval } from './confidence-interval';
import {
  CorrelationVerdict,
  linkStrength,
  readCorrelation,
  readLaggedCorrelation,
} from './correlation-reading';
import { LagCorrelation } from './lagged-correlation';

const estimate = (r: number, n: number): LagCorrelation & { lag: number } => ({
  lag: 0,
  r,
  n,
  ci: fisherConfidenceInterval(r, n),
});

describe('linkStrength', () => {
  it('uses 0.3 and 0.5 as boundaries on |r|', () => {
    expect(linkStrength(0.29)).toBe('WEAK');
    expect(linkStrength(-0.3)).toBe('MODERATE');
    expect(linkStrength(0.49)).toBe('MODERATE');
    expect(linkStrength(-0.5)).toBe('STRONG');
  });
});

describe('readCorrelation', () => {
  it('refuses to conclude below the minimum n, even with a large r', () => {
    const reading = readCorrelation(estimate(0.95, 8), 'en');
    expect(reading.verdict).toBe(CorrelationVerdict.NOT_ENOUGH_DATA);
    expect(reading.text).toBe('Not enough data to say (n = 8; at least 10 paired observations are needed).');
    expect(readCorrelation(estimate(0.95, 8), 'fr').text).toBe(
      'Pas assez de données pour conclure (n = 8 ; il faut au moins 10 observations appariées).',
    );
  });

  it('refuses to conclude when r or the CI is undefined', () => {
    expect(readCorrelation({ r: null, n: 50, ci: null }, 'en').verdict).toBe(
      CorrelationVerdict.NOT_ENOUGH_DATA,
    );
  });

  it('honours a custom minimum n', () => {
    expect(readCorrelation(estimate(0.95, 8), 'en', { minN: 5 }).verdict).toBe(CorrelationVerdict.LINK);
  });

  it('says "no clear link" when the CI crosses zero', () => {
    // r = −0.3, n = 12 → 95% CI [−0.75, 0.33]
    const en = readCorrelation(estimate(-0.3, 12), 'en');
    expect(en.verdict).toBe(CorrelationVerdict.NO_CLEAR_LINK);
    expect(en.text).toBe(
      'No clear link: the confidence interval includes zero (r = -0.30, 95% CI -0.75 to 0.33, n = 12).',
    );
    expect(readCorrelation(estimate(-0.3, 12), 'fr').text).toBe(
      'Pas de lien net : l’intervalle de confiance inclut zéro (r = -0,30 ; IC à 95 % : -0,75 à 0,33 ; n = 12).',
    );
  });

  it('describes strength and direction otherwise', () => {
    // r = 0.5, n = 30 → 95% CI [0.17, 0.73]
    const en = readCorrelation(estimate(0.5, 30), 'en');
    expect(en).toMatchObject({ verdict: CorrelationVerdict.LINK, strength: 'STRONG', direction: 'POSITIVE' });
    expect(en.text).toBe(
      'Strong positive link (r = 0.50, 95% CI 0.17 to 0.73, n = 30): when the internal measure is higher, ' +
        'the customer measure tends to be higher too. A correlation does not prove cause and effect.',
    );
    // r = −0.35, n = 100 → 95% CI [−0.511, −0.165] (numpy)
    const fr = readCorrelation(estimate(-0.35, 100), 'fr');
    expect(fr).toMatchObject({ strength: 'MODERATE', direction: 'NEGATIVE' });
    expect(fr.text).toMatch(
      /^Lien négatif modéré \(r = -0,35 ; IC à 95 % : -0,51 à -0,16 ; n = 100\) : quand/,
    );
    expect(readCorrelation(estimate(0.2, 400), 'en').text).toMatch(/^Weak positive link/);
  });
});

describe('readLaggedCorrelation', () => {
  it('names the lag with the strongest conclusive link', () => {
    const lags: LagCorrelation[] = [
      { ...estimate(0.3, 40), lag: 0 }, // CI [−0.01, 0.56]: not conclusive
      { ...estimate(0.55, 36), lag: 1 },
      { ...estimate(0.62, 12), lag: 2 }, // larger r, but CI [0.07, 0.88] (numpy): still conclusive
      { ...estimate(0.9, 8), lag: 3 }, // too few pairs: ignored
    ];
    const en = readLaggedCorrelation(lags, 'en');
    expect(en.verdict).toBe(CorrelationVerdict.LINK);
    expect(en.bestLag).toBe(2);
    expect(en.text).toBe(
      'Strongest link when the internal measure leads the customer measure by 2 periods: strong positive link ' +
        '(r = 0.62, 95% CI 0.07 to 0.88, n = 12). A correlation does not prove cause and effect.',
    );
    expect(en.lags.map((l) => l.verdict)).toEqual(['NO_CLEAR_LINK', 'LINK', 'LINK', 'NOT_ENOUGH_DATA']);
    const fr = readLaggedCorrelation(lags, 'fr');
    expect(fr.text).toMatch(
      /^Lien le plus marqué quand la mesure interne précède la mesure client de 2 périodes : lien positif fort/,
    );
  });

  it('words lag 0 and lag 1 correctly', () => {
    expect(readLaggedCorrelation([{ ...estimate(0.6, 50), lag: 0 }], 'en').text).toMatch(
      /^Strongest link within the same period: strong positive link/,
    );
    expect(readLaggedCorrelation([{ ...estimate(0.6, 50), lag: 1 }], 'fr').text).toMatch(/de 1 période :/);
  });

  it('breaks ties in |r| by the shortest lag', () => {
    const lags = [
      { ...estimate(-0.6, 50), lag: 2 },
      { ...estimate(0.6, 50), lag: 1 },
    ];
    expect(readLaggedCorrelation(lags, 'en').bestLag).toBe(1);
  });

  it('says "no clear link" when every CI with enough data crosses zero', () => {
    const lags = [
      { ...estimate(0.1, 20), lag: 0 },
      { ...estimate(0.9, 5), lag: 1 },
    ];
    const reading = readLaggedCorrelation(lags, 'en');
    expect(reading.verdict).toBe(CorrelationVerdict.NO_CLEAR_LINK);
    expect(reading.bestLag).toBeNull();
    expect(reading.text).toBe('No clear link at any lag: every confidence interval includes zero.');
  });

  it('says "not enough data" when no lag reaches the minimum', () => {
    const reading = readLaggedCorrelation(
      [
        { ...estimate(0.9, 6), lag: 0 },
        { lag: 1, n: 2, r: null, ci: null },
      ],
      'fr',
    );
    expect(reading.verdict).toBe(CorrelationVerdict.NOT_ENOUGH_DATA);
    expect(reading.text).toBe(
      'Pas assez de données pour conclure (au plus 6 observations appariées par décalage ; il en faut au moins 10).',
    );
    expect(readLaggedCorrelation([], 'en').verdict).toBe(CorrelationVerdict.NOT_ENOUGH_DATA);
  });
});
