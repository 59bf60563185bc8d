//! Association measures on a 2×2 contingency table, with NLTK's conventions.
//!
//! A pair (a, b) is described as NLTK's `BigramAssocMeasures` describes a
//! bigram: `n_ii` units hold both, `n_ix` hold a, `n_xi` hold b, out of
//! `n_xx` units. From these: `n_io = n_ix − n_ii`, `n_oi = n_xi − n_ii`,
//! `n_oo = n_xx − n_ii − n_io − n_oi`, and the expected count of each cell is
//! its row total times its column total over `n_xx`.
//!
//! | name | formula |
//! | --- | --- |
//! | `count` | n_ii |
//! | `pmi` | log₂(n_ii · n_xx / (n_ix · n_xi)) (NLTK `pmi`) |
//! | `npmi` | pmi / −log₂(n_ii / n_xx); 1 when n_ii = n_xx (Bouma 2009; not in NLTK) |
//! | `llr` | G² = 2 Σ obs · ln(obs / exp) over the four cells, 0 · ln 0 = 0 (NLTK `likelihood_ratio`) |
//! | `chi2` | n_xx · (n_ii·n_oo − n_io·n_oi)² / ((n_ii+n_io)(n_ii+n_oi)(n_io+n_oo)(n_oi+n_oo)) (NLTK `chi_sq`, no continuity correction); 0 when a row or column is empty, where NLTK raises `ZeroDivisionError` |
//! | `dice` | 2 n_ii / (n_ix + n_xi) (NLTK `dice`) |
//! | `logdice` | 14 + log₂ dice (Rychlý 2008; not in NLTK) |
//! | `jaccard` | n_ii / (n_ii + n_io + n_oi) (NLTK `jaccard`) |
//! | `tscore` | (n_ii − n_ix·n_xi/n_xx) / √n_ii (NLTK `student_t`) |
//!
//! NLTK adds `1e-20` inside some logarithms and denominators to dodge
//! division by zero; we treat those cases explicitly instead, which differs
//! from NLTK by less than 1e-15 relative wherever NLTK's value is finite.
//! Both `llr` and `chi2` have one degree of freedom; their p-values are the
//! upper tail of the chi-square distribution with 1 df.

use serde::{Deserialize, Serialize};

/// Which association measure scores an edge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// The raw count of units holding both (the default).
    #[default]
    Count,
    /// Pointwise mutual information, in bits.
    Pmi,
    /// PMI normalised to −1..1.
    Npmi,
    /// Log-likelihood G².
    Llr,
    /// Pearson's chi-square.
    Chi2,
    /// Dice coefficient, 0..1.
    Dice,
    /// 14 + log₂ Dice, at most 14.
    Logdice,
    /// Jaccard index, 0..1.
    Jaccard,
    /// Student's t-score.
    Tscore,
}

impl Measure {
    /// Every measure, in the order a menu lists them ([`measures`]): the
    /// raw count, then the measures most used for collocations.
    pub const ALL: [Measure; 9] = [
        Measure::Count,
        Measure::Logdice,
        Measure::Llr,
        Measure::Pmi,
        Measure::Npmi,
        Measure::Chi2,
        Measure::Dice,
        Measure::Jaccard,
        Measure::Tscore,
    ];

    /// The name shown to a reader: "logDice", "log-likelihood (G²)".
    pub fn label(self) -> &'static str {
        match self {
            Measure::Count => "count",
            Measure::Pmi => "PMI",
            Measure::Npmi => "normalised PMI",
            Measure::Llr => "log-likelihood (G²)",
            Measure::Chi2 => "chi-square",
            Measure::Dice => "Dice",
            Measure::Logdice => "logDice",
            Measure::Jaccard => "Jaccard",
            Measure::Tscore => "t-score",
        }
    }

    /// The lower-case name used in options and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Count => "count",
            Measure::Pmi => "pmi",
            Measure::Npmi => "npmi",
            Measure::Llr => "llr",
            Measure::Chi2 => "chi2",
            Measure::Dice => "dice",
            Measure::Logdice => "logdice",
            Measure::Jaccard => "jaccard",
            Measure::Tscore => "tscore",
        }
    }
}

/// A measure as a menu lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MeasureInfo {
    /// The option value, such as `logdice`.
    pub id: Measure,
    /// The name shown to a reader, such as `logDice`.
    pub label: &'static str,
}

/// Every association measure with its label, in the order a menu lists them
/// (`measures()` in JavaScript: the one list the explorer's menus use).
pub fn measures() -> Vec<MeasureInfo> {
    Measure::ALL
        .into_iter()
        .map(|id| MeasureInfo {
            id,
            label: id.label(),
        })
        .collect()
}

/// A 2×2 contingency table as NLTK's marginals: (n_ii, n_ix, n_xi, n_xx).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Table {
    /// Units holding both.
    pub n_ii: f64,
    /// Units holding the first.
    pub n_ix: f64,
    /// Units holding the second.
    pub n_xi: f64,
    /// All units.
    pub n_xx: f64,
}

impl Table {
    /// The table of a pair; marginals are raised to the joint count and the
    /// total to the sum of cells where needed, so that no cell is negative.
    pub fn new(n_ii: u64, n_ix: u64, n_xi: u64, n_xx: u64) -> Table {
        let n_ix = n_ix.max(n_ii);
        let n_xi = n_xi.max(n_ii);
        Table {
            n_ii: n_ii as f64,
            n_ix: n_ix as f64,
            n_xi: n_xi as f64,
            n_xx: n_xx.max(n_ix + n_xi - n_ii) as f64,
        }
    }

    /// The four observed cells: ii, io, oi, oo.
    fn cells(&self) -> [f64; 4] {
        let n_io = self.n_ix - self.n_ii;
        let n_oi = self.n_xi - self.n_ii;
        [self.n_ii, n_io, n_oi, self.n_xx - self.n_ii - n_io - n_oi]
    }

    /// The expected count of both: n_ix · n_xi / n_xx.
    pub fn expected(&self) -> f64 {
        if self.n_xx == 0.0 {
            return 0.0;
        }
        self.n_ix * self.n_xi / self.n_xx
    }

    /// The score of a measure; finite for every table with n_ii ≥ 1.
    pub fn score(&self, measure: Measure) -> f64 {
        match measure {
            Measure::Count => self.n_ii,
            Measure::Pmi => self.pmi(),
            Measure::Npmi => self.npmi(),
            Measure::Llr => self.llr(),
            Measure::Chi2 => self.chi2(),
            Measure::Dice => self.dice(),
            Measure::Logdice => 14.0 + self.dice().log2(),
            Measure::Jaccard => self.jaccard(),
            Measure::Tscore => self.tscore(),
        }
    }

    /// The p-value reported with a measure: that of chi-square for `chi2`,
    /// that of G² for every other measure.
    pub fn p_value(&self, measure: Measure) -> f64 {
        let statistic = match measure {
            Measure::Chi2 => self.chi2(),
            _ => self.llr(),
        };
        chi2_survival(statistic)
    }

    fn pmi(&self) -> f64 {
        (self.n_ii * self.n_xx).log2() - (self.n_ix * self.n_xi).log2()
    }

    fn npmi(&self) -> f64 {
        let h = -(self.n_ii / self.n_xx).log2();
        // Both in every unit: perfect association, where the ratio is 0/0.
        if h <= 0.0 {
            return 1.0;
        }
        self.pmi() / h
    }

    fn llr(&self) -> f64 {
        let [ii, io, oi, oo] = self.cells();
        let n = self.n_xx;
        let expected = [
            (ii + io) * (ii + oi) / n,
            (ii + io) * (io + oo) / n,
            (oi + oo) * (ii + oi) / n,
            (oi + oo) * (io + oo) / n,
        ];
        let sum: f64 = [ii, io, oi, oo]
            .iter()
            .zip(expected)
            .filter(|(&obs, _)| obs > 0.0)
            .map(|(&obs, exp)| obs * (obs / exp).ln())
            .sum();
        (2.0 * sum).max(0.0)
    }

    fn chi2(&self) -> f64 {
        let [ii, io, oi, oo] = self.cells();
        let denominator = (ii + io) * (ii + oi) * (io + oo) * (oi + oo);
        // NLTK divides by denominator + 1e-20: a table with an empty row or
        // column scores 0.
        if denominator == 0.0 {
            return 0.0;
        }
        self.n_xx * (ii * oo - io * oi).powi(2) / denominator
    }

    fn dice(&self) -> f64 {
        2.0 * self.n_ii / (self.n_ix + self.n_xi)
    }

    fn jaccard(&self) -> f64 {
        let [ii, io, oi, _] = self.cells();
        ii / (ii + io + oi)
    }

    fn tscore(&self) -> f64 {
        (self.n_ii - self.expected()) / self.n_ii.sqrt()
    }
}

/// The upper tail of the chi-square distribution with one degree of
/// freedom: Q(1/2, x/2), the regularised upper incomplete gamma function.
pub fn chi2_survival(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 {
        return 1.0;
    }
    let y = x / 2.0;
    if y < 1.5 {
        1.0 - gamma_series(y)
    } else {
        gamma_continued_fraction(y)
    }
}

/// ln Γ(1/2) = ln √π.
const LN_GAMMA_HALF: f64 = 0.572_364_942_924_700_1;

/// P(1/2, y) by its series (Numerical Recipes `gser`), for small y.
fn gamma_series(y: f64) -> f64 {
    let a = 0.5;
    let mut term = 1.0 / a;
    let mut sum = term;
    let mut ap = a;
    for _ in 0..500 {
        ap += 1.0;
        term *= y / ap;
        sum += term;
        if term.abs() < sum.abs() * 1e-17 {
            break;
        }
    }
    sum * (-y + a * y.ln() - LN_GAMMA_HALF).exp()
}

/// Q(1/2, y) by Lentz's continued fraction (Numerical Recipes `gcf`).
fn gamma_continued_fraction(y: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let a = 0.5;
    let mut b = y + 1.0 - a;
    let mut c = 1.0 / TINY;
    let mut d = 1.0 / b;
    let mut h = d;
    for i in 1..500 {
        let an = -(i as f64) * (i as f64 - a);
        b += 2.0;
        d = an * d + b;
        d = if d.abs() < TINY { TINY } else { d };
        c = b + an / c;
        c = if c.abs() < TINY { TINY } else { c };
        d = 1.0 / d;
        let delta = d * c;
        h *= delta;
        if (delta - 1.0).abs() < 1e-16 {
            break;
        }
    }
    (-y + a * y.ln() - LN_GAMMA_HALF).exp() * h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chi2_survival_matches_erfc() {
        // Q(1/2, x/2) = erfc(√(x/2)); values from Python's math.erfc.
        let cases = [
            (0.5, 0.479_500_122_186_953_5),
            (3.841_458_820_694_124, 0.05),
            (10.0, 0.001_565_402_258_002_549),
            (100.0, 1.523_970_604_832_105e-23),
        ];
        for (x, p) in cases {
            let got = chi2_survival(x);
            assert!(
                (got - p).abs() <= 1e-12 * p.max(1e-300) + 1e-15,
                "{x}: {got} vs {p}"
            );
        }
        assert_eq!(chi2_survival(0.0), 1.0);
    }

    #[test]
    fn perfect_association_is_finite() {
        let t = Table::new(4, 4, 4, 4);
        for m in Measure::ALL {
            assert!(t.score(m).is_finite(), "{m:?}");
        }
        assert_eq!(t.score(Measure::Npmi), 1.0);
    }
}
