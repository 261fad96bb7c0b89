"""Chance variation: is a change between two counts more than chance alone would produce?

Pure (standard library only).

Method: the exact conditional test for two Poisson counts, with the Clopper–Pearson interval.
If the counts are Poisson, ``a`` ~ Poisson(λa) and ``b`` ~ Poisson(λb), then given their total
``n = a + b`` the second count is binomial: ``b | n ~ Binomial(n, π)`` with
``π = λb / (λa + λb)``. The ratio of the two rates is ``R = λb / λa = π / (1 − π)``, so an exact
interval for ``π`` (Clopper–Pearson: the binomial tails equal to 2.5 % each, found on the beta
distribution) maps straight onto an interval for ``R``, and for the percentage change ``(R − 1) ×
100``. The change is flagged ``significant`` when that interval excludes 0 % (equivalently, the
two-sided exact binomial test of ``π = ½``, tails doubled, gives p < 0.05).

Why this method and not the usual normal approximation on the log rate ratio
(``ln(b/a) ± 1.96 √(1/a + 1/b)``): that one has no answer when either count is 0 and is
unreliable for small counts (City of London's 4 → 2), which are exactly the rows a ranking by
% change puts at the top. The exact interval needs no large-count assumption, handles zeros
(0 → 5 still gets a lower bound), and is conservative (its coverage is at least 95 %). For large
counts both methods agree. References: Clopper C J, Pearson E S (1934), "The use of confidence or
fiducial limits illustrated in the case of the binomial", Biometrika 26(4):404–413; Fay M P (2010),
"Two-sided exact tests and matching confidence intervals for discrete data", The R Journal
2(1):53–58, and the same test in R's ``poisson.test`` (two samples: "using binom.test") and
``rateratio.test``, whose documentation gives the two-sided p-value used here, twice the smaller
one-sided p-value (Lehmann 1986, p. 152): https://rdrr.io/cran/rateratio.test/f/inst/doc/
rateratio.test.pdf and https://search.r-project.org/R/refmans/stats/html/poisson.test.html

Rates with different populations: comparing ``a`` offences among ``Pa`` people with ``b`` among
``Pb``, the rate ratio is ``(λb/Pb) / (λa/Pa) = π / (1 − π) × Pa / Pb``, and "no change in the
rate" means ``π = Pb / (Pa + Pb)`` instead of ½. Pass ``exposure_a`` and ``exposure_b``.

What it assumes: counts that vary like Poisson counts. Recorded crime is often more variable than
that (over-dispersed: recording drives, one investigation yielding many offences), so "not
significant" here means "not even distinguishable from pure chance"; "significant" does not mean
the change is real offending rather than a change in recording (see the recording events).

The binomial tails are the regularised incomplete beta function, computed by its continued
fraction (Numerical Recipes §6.4, modified Lentz) from :func:`math.lgamma`, and inverted by
safeguarded Newton steps; tests check it against closed forms and exact sums of binomial terms.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

CONFIDENCE = 0.95
METHOD = (
    "exact conditional test for Poisson counts: Clopper-Pearson 95% interval for b/(a+b), "
    "as a ratio b/a (Fay 2010); 'within chance' when the interval includes no change"
)
"""One line for help texts and notes."""

_EPS = 1e-15
_TINY = 1e-300


@dataclass(frozen=True)
class ChangeInterval:
    """A change from ``count_a`` to ``count_b``, its 95 % interval and whether chance explains it.

    Percentages are unrounded; rounding is the display's job. Every field but the counts is
    ``None`` when a count is missing or negative, or both are zero.
    """

    count_a: int | None
    count_b: int | None
    pct_change: float | None
    """Point estimate of the % change (of the rate, with exposures); ``None`` from 0."""
    pct_ci_low: float | None
    """Lower end of the interval for the % change (−100 at the lowest)."""
    pct_ci_high: float | None
    """Upper end; ``math.inf`` when unbounded (from a count of 0)."""
    significant: bool | None
    """True: the interval excludes no change; False: indistinguishable from chance."""
    p_value: float | None
    """Two-sided exact p-value (tails doubled, at most 1)."""
    confidence: float = CONFIDENCE


def _stirling_tail(z: float) -> float:
    """ln Γ(z) − [(z − ½) ln z − z + ½ ln 2π]: the Stirling series, accurate to 1e-15 for z ≥ 50."""
    z2 = z * z
    return (1.0 / 12.0 - (1.0 / 360.0 - 1.0 / (1260.0 * z2)) / z2) / z


def _lbeta_front(a: float, b: float, x: float) -> float:
    """ln[x^a (1 − x)^b / B(a, b)].

    For large a and b, ``lgamma`` differences lose digits (ln Γ(10⁵) ≈ 10⁶), so the Stirling form
    is used with the logarithms written as ``log1p`` of small quantities near the mode.
    """
    small, big = min(a, b), max(a, b)
    if small < 50:
        if big < 50:
            lbeta = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
        else:  # ln Γ(big) − ln Γ(small + big) by Stirling, without subtracting two huge numbers
            lbeta = (
                math.lgamma(small)
                - (big - 0.5) * math.log1p(small / big)
                - small * math.log(small + big)
                + small
                + _stirling_tail(big)
                - _stirling_tail(small + big)
            )
        return a * math.log(x) + b * math.log1p(-x) - lbeta
    n = a + b
    return (
        a * math.log1p((x * n - a) / a)
        + b * math.log1p(((1.0 - x) * n - b) / b)
        + 0.5 * math.log(a * b / n)
        - 0.5 * math.log(2.0 * math.pi)
        - (_stirling_tail(a) + _stirling_tail(b) - _stirling_tail(n))
    )


def _betacf(a: float, b: float, x: float) -> float:
    """The continued fraction of the incomplete beta function (modified Lentz)."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    limit = 1000 + int(20 * math.sqrt(max(a, b)))
    for m in range(1, limit + 1):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        step = d * c
        h *= step
        if abs(step - 1.0) < _EPS:
            return h
    raise ArithmeticError(f"incomplete beta did not converge (a={a}, b={b}, x={x})")


def betainc(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1."""
    if a <= 0 or b <= 0:
        raise ValueError("betainc needs a > 0 and b > 0")
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(_lbeta_front(a, b, x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def betainc_inv(a: float, b: float, target: float) -> float:
    """The x in (0, 1) with I_x(a, b) = ``target`` (the beta quantile), by safeguarded Newton."""
    if not 0.0 < target < 1.0:
        raise ValueError("target must be strictly between 0 and 1")
    lo, hi = 0.0, 1.0
    mean = a / (a + b)
    # Start near the normal approximation to the beta distribution.
    sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1.0)))
    z = _normal_quantile(target)
    x = min(max(mean + z * sd, 1e-12), 1.0 - 1e-12)
    for _ in range(300):
        f = betainc(a, b, x) - target
        if f == 0.0:
            return x
        if f > 0:
            hi = x
        else:
            lo = x
        density = math.exp(_lbeta_front(a, b, x)) / (x * (1.0 - x))
        step = f / density if density > 0 else math.inf
        candidate = x - step
        if not lo < candidate < hi:
            candidate = (lo + hi) / 2.0  # Newton left the bracket: bisect instead
        if abs(candidate - x) <= 1e-15 * max(x, 1e-300) or hi - lo <= 1e-16:
            return candidate
        x = candidate
    return x


def _normal_quantile(p: float) -> float:
    """Standard normal quantile (Acklam's rational approximation; a starting point only)."""
    a = (-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.3577518672690,
         -30.66479806614716, 2.506628277459239)  # fmt: skip
    b = (-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
         -13.28068155288572)  # fmt: skip
    c = (-7.784894002430293e-03, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
         4.374664141464968, 2.938163982698783)  # fmt: skip
    d = (7.784695709041462e-03, 0.3224671290700398, 2.445134137142996, 3.754408661907416)
    if p < 0.02425:
        q = math.sqrt(-2 * math.log(p))
        num = ((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]
        return num / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    if p > 1 - 0.02425:
        return -_normal_quantile(1 - p)
    q = p - 0.5
    r = q * q
    num = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
    return num / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)


def binomial_sf(k: int, n: int, p: float) -> float:
    """P(X ≥ k) for X ~ Binomial(n, p)."""
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    return betainc(k, n - k + 1, p)


def binomial_cdf(k: int, n: int, p: float) -> float:
    """P(X ≤ k) for X ~ Binomial(n, p)."""
    if k < 0:
        return 0.0
    if k >= n:
        return 1.0
    return betainc(n - k, k + 1, 1.0 - p)


@lru_cache(maxsize=4096)
def clopper_pearson(k: int, n: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """The exact (Clopper–Pearson) interval for a binomial proportion k/n."""
    if n <= 0 or not 0 <= k <= n:
        raise ValueError("need 0 ≤ k ≤ n and n > 0")
    tail = (1.0 - confidence) / 2.0
    low = 0.0 if k == 0 else betainc_inv(k, n - k + 1, tail)
    high = 1.0 if k == n else betainc_inv(k + 1, n - k, 1.0 - tail)
    return low, high


def _ratio(p: float, scale: float) -> float:
    return math.inf if p >= 1.0 else p / (1.0 - p) * scale


def change_interval(
    count_a: int | None,
    count_b: int | None,
    *,
    exposure_a: float | None = None,
    exposure_b: float | None = None,
    confidence: float = CONFIDENCE,
) -> ChangeInterval:
    """The % change from ``count_a`` to ``count_b`` with its exact interval and chance flag.

    Args:
        count_a: the earlier count (offences).
        count_b: the later count.
        exposure_a: population (or years, quarters) behind ``count_a``, to compare rates; give
            both exposures or neither.
        exposure_b: the same for ``count_b``.
        confidence: the interval's confidence level (0.95).

    Returns:
        The change; every estimate is ``None`` when a count is missing or negative, or both are 0.
    """
    if (exposure_a is None) != (exposure_b is None):
        raise ValueError("give both exposures or neither")
    if exposure_a is not None and exposure_b is not None and (exposure_a <= 0 or exposure_b <= 0):
        raise ValueError("exposures must be positive")
    unknown = ChangeInterval(count_a, count_b, None, None, None, None, None, confidence)
    if count_a is None or count_b is None or count_a < 0 or count_b < 0:
        return unknown
    n = count_a + count_b
    if n == 0:
        return unknown
    scale = 1.0 if exposure_a is None or exposure_b is None else exposure_a / exposure_b
    null = (
        0.5 if exposure_a is None or exposure_b is None else exposure_b / (exposure_a + exposure_b)
    )
    low, high = clopper_pearson(count_b, n, confidence)
    point = None if count_a == 0 else (count_b / count_a * scale - 1.0) * 100.0
    p_value = min(1.0, 2.0 * min(binomial_cdf(count_b, n, null), binomial_sf(count_b, n, null)))
    return ChangeInterval(
        count_a=count_a,
        count_b=count_b,
        pct_change=point,
        pct_ci_low=(_ratio(low, scale) - 1.0) * 100.0,
        pct_ci_high=(_ratio(high, scale) - 1.0) * 100.0,
        significant=not low <= null <= high,
        p_value=p_value,
        confidence=confidence,
    )
