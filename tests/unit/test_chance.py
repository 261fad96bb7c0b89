"""Chance variation: the exact interval for a % change, and the flag, against independent values.

Where the expected numbers come from:

- "scipy": computed on 2026-11-30 with SciPy 1.17.1 (a throwaway venv, not a dependency):
  ``scipy.stats.beta.ppf(0.025, b, a + 1)`` and ``beta.ppf(0.975, b + 1, a)`` for the
  Clopper–Pearson bounds of b/(a+b), turned into a ratio p/(1-p), and
  ``scipy.stats.binomtest(b, a + b, 0.5).pvalue`` for the p-value.
- "R": the Clopper–Pearson interval of 2/6, (0.04327187, 0.77722190), is what R's
  ``binom.test(2, 6)`` prints.
- "closed form": I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b, I_½(a, a) = ½, so the bounds of 0/n
  and n/n are 1 − 0.025^(1/n) and 0.025^(1/n); P(X = 5 | n = 5, ½) = 1/32.
- "exact sum": binomial tails summed term by term in exact rational arithmetic (fractions), or in
  50-digit decimals.
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext
from fractions import Fraction

import pytest

from tui.model.stats.chance import (
    betainc,
    betainc_inv,
    binomial_cdf,
    binomial_sf,
    change_interval,
    clopper_pearson,
)


def exact_sf(k: int, n: int, p: Fraction) -> Fraction:
    """P(X ≥ k), X ~ Binomial(n, p), summed exactly."""
    return sum(
        (Fraction(math.comb(n, j)) * p**j * (1 - p) ** (n - j) for j in range(k, n + 1)),
        Fraction(0),
    )


# --------------------------------------------------------------------------------------------
# The special functions
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "x", "expected"),
    [
        (3.0, 1.0, 0.4, 0.4**3),  # closed form x^a
        (1.0, 4.0, 0.3, 1 - 0.7**4),  # closed form 1 - (1-x)^b
        (7.0, 7.0, 0.5, 0.5),  # symmetry
        (400.0, 400.0, 0.5, 0.5),
        (263.0, 246.0, 0.5, 0.22536476639005992),  # scipy.special.betainc
        (3.5, 2.25, 0.3, 0.06347013665309587),  # scipy
        (1000.0, 1200.0, 0.45, 0.33466234267154027),  # scipy
        (50000.0, 50000.0, 0.501, 0.7364550617029552),  # scipy
    ],
)
def test_incomplete_beta_matches_known_values(
    a: float, b: float, x: float, expected: float
) -> None:
    assert betainc(a, b, x) == pytest.approx(expected, rel=1e-10, abs=1e-14)


@pytest.mark.parametrize(("k", "n"), [(0, 6), (2, 6), (6, 6), (13, 40), (1, 25)])
@pytest.mark.parametrize("p", [Fraction(1, 10), Fraction(1, 2), Fraction(7, 9)])
def test_binomial_tails_equal_exact_sums(k: int, n: int, p: Fraction) -> None:
    assert binomial_sf(k, n, float(p)) == pytest.approx(float(exact_sf(k, n, p)), rel=1e-11)
    assert binomial_cdf(k, n, float(p)) == pytest.approx(
        float(1 - exact_sf(k + 1, n, p)), rel=1e-11, abs=1e-300
    )


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        (2, 6, 0.04327186829274167, 0.7772219044964879),  # R binom.test(2, 6); scipy
        (0, 5, 0.0, 1 - 0.025 ** (1 / 5)),  # closed form
        (5, 5, 0.025 ** (1 / 5), 1.0),  # closed form
        (263, 508, 0.4732851703304438, 0.5619406239960092),  # scipy
        (1209, 1716, 0.682330462598091, 0.7260587722359755),  # scipy
        (6_000_000, 11_500_000, 0.5214503738587181, 0.5220278760661061),  # scipy
        (1, 7_922_961, 3.195498241609213e-09, 7.032272130550746e-07),  # scipy: tiny k, huge n
    ],
)
def test_clopper_pearson_bounds(k: int, n: int, low: float, high: float) -> None:
    got_low, got_high = clopper_pearson(k, n)
    assert got_low == pytest.approx(low, rel=1e-9, abs=1e-15)
    assert got_high == pytest.approx(high, rel=1e-9, abs=1e-15)


def test_clopper_pearson_bounds_solve_their_defining_tails_exactly() -> None:
    # P(X >= 263 | n=508, low) = 2.5 % and P(X <= 263 | n=508, high) = 2.5 %, summed term by term
    # in 50-digit decimal arithmetic (exact binomial coefficients).
    low, high = clopper_pearson(263, 508)
    with localcontext() as ctx:
        ctx.prec = 50

        def sf(k: int, n: int, p: Decimal) -> Decimal:
            return sum(
                (math.comb(n, j) * p**j * (1 - p) ** (n - j) for j in range(k, n + 1)),
                Decimal(0),
            )

        low_tail = sf(263, 508, Decimal(low))
        high_tail = 1 - sf(264, 508, Decimal(high))
    assert float(low_tail) == pytest.approx(0.025, rel=1e-9)
    assert float(high_tail) == pytest.approx(0.025, rel=1e-9)


def test_beta_quantile_inverts_the_incomplete_beta() -> None:
    for a, b, target in [(2.0, 5.0, 0.025), (3.0, 4.0, 0.975), (800.0, 200.0, 0.5)]:
        assert betainc(a, b, betainc_inv(a, b, target)) == pytest.approx(target, rel=1e-12)


# --------------------------------------------------------------------------------------------
# The cases of issue 12
# --------------------------------------------------------------------------------------------


def test_nspcc_northamptonshire_245_to_263_is_within_chance() -> None:
    c = change_interval(245, 263)
    # point: (263 - 245) / 245 = +7.35 %
    assert c.pct_change == pytest.approx(7.346938775510203)
    # scipy: bounds 0.47328517 and 0.56194062 of b/(a+b) → ratios 0.89856 and 1.28280
    assert c.pct_ci_low == pytest.approx(-10.14394437548538, abs=1e-8)
    assert c.pct_ci_high == pytest.approx(28.27955632911503, abs=1e-8)
    assert c.significant is False
    assert c.p_value == pytest.approx(0.45072953278011985, rel=1e-9)  # scipy binomtest
    # Hand check with the large-count normal approximation on the log ratio:
    # ln(263/245) = 0.0709, se = sqrt(1/245 + 1/263) = 0.0888 → exp(0.0709 ± 1.96 × 0.0888)
    # = 0.901 .. 1.279, i.e. -9.9 % .. +27.9 %: the exact interval is slightly wider, as it should.
    assert c.pct_ci_low is not None and c.pct_ci_high is not None
    assert c.pct_ci_low < -9.9 and c.pct_ci_high > 27.9


def test_city_of_london_4_to_2_is_within_chance() -> None:
    c = change_interval(4, 2)
    assert c.pct_change == pytest.approx(-50.0)
    # 2 of 6: R binom.test(2, 6) gives 0.04327187 .. 0.77722190 → ratio 0.04523 .. 3.48877
    assert c.pct_ci_low == pytest.approx(-95.4770987850515, abs=1e-8)
    assert c.pct_ci_high == pytest.approx(248.87716529753473, abs=1e-8)
    assert c.significant is False
    # exact: P(X <= 2 | 6, ½) = (1 + 6 + 15) / 64 = 22/64, doubled = 0.6875
    assert c.p_value == pytest.approx(0.6875)


def test_kent_507_to_1209_is_not_chance() -> None:
    c = change_interval(507, 1209)
    assert c.pct_change == pytest.approx(138.46153846153845)
    assert c.pct_ci_low == pytest.approx(114.79253823913895, abs=1e-7)  # scipy
    assert c.pct_ci_high == pytest.approx(165.04180409872777, abs=1e-7)  # scipy
    assert c.significant is True
    assert c.p_value == pytest.approx(4.289019571942937e-66, rel=1e-6)  # scipy binomtest


def test_home_office_northamptonshire_248_to_269_is_within_chance() -> None:
    c = change_interval(248, 269)
    assert c.pct_ci_low == pytest.approx(-9.062785147622243, abs=1e-8)  # scipy
    assert c.pct_ci_high == pytest.approx(29.41983292742858, abs=1e-8)  # scipy
    assert c.significant is False


@pytest.mark.parametrize(("a", "b"), [(0, 0), (None, 5), (5, None), (None, None), (-3, 10)])
def test_no_estimate_when_a_count_is_missing_negative_or_both_zero(
    a: int | None, b: int | None
) -> None:
    c = change_interval(a, b)
    assert (c.pct_change, c.pct_ci_low, c.pct_ci_high, c.significant, c.p_value) == (
        None,
        None,
        None,
        None,
        None,
    )


def test_from_zero_the_change_is_undefined_but_the_interval_and_flag_exist() -> None:
    c = change_interval(0, 5)
    assert c.pct_change is None  # +∞ %: not a number to show
    # closed form: lower bound of 5/5 is 0.025^(1/5) = 0.47818 → ratio 0.91636 → -8.36 %
    assert c.pct_ci_low == pytest.approx(-8.364414268454034, abs=1e-9)
    assert c.pct_ci_high == math.inf
    # P(X = 5 | 5, ½) = 1/32, doubled = 0.0625: not significant at 5 %
    assert c.p_value == pytest.approx(0.0625)
    assert c.significant is False


@pytest.mark.parametrize(
    ("a", "high", "significant"),
    [
        (5, 9.12791051825459, False),  # scipy: upper bound 0.52182 of 0/5
        (10, -55.38744504080755, True),  # scipy: upper bound 0.30850 of 0/10; p = 2/1024
    ],
)
def test_falls_to_zero(a: int, high: float, significant: bool) -> None:
    c = change_interval(a, 0)
    assert c.pct_change == -100.0
    assert c.pct_ci_low == -100.0
    assert c.pct_ci_high == pytest.approx(high, abs=1e-9)
    assert c.significant is significant


def test_flag_agrees_with_the_exact_p_value() -> None:
    for a in range(0, 30):
        for b in range(0, 30):
            c = change_interval(a, b)
            if a == b == 0:
                assert c.significant is None
                continue
            assert c.p_value is not None
            assert c.significant is (c.p_value < 0.05), (a, b)


def test_rates_account_for_the_population_ratio() -> None:
    # Kent code 86: 507 over mid-2016's 1,808,526 people → 1,209 over mid-2017's 1,821,359.
    # Rate ratio = 1209/1821359 ÷ 507/1808526 = 2.36781 → +136.78 %; scipy bounds of b/(a+b) times
    # Pa/Pb give +113.28 % .. +163.17 %.
    c = change_interval(507, 1209, exposure_a=1_808_526, exposure_b=1_821_359)
    assert c.pct_change == pytest.approx(136.78137715172696, abs=1e-9)
    assert c.pct_ci_low == pytest.approx(113.27914486461866, abs=1e-7)
    assert c.pct_ci_high == pytest.approx(163.1743625498629, abs=1e-7)
    assert c.significant is True
    # Northamptonshire (NSPCC 245 → 263, mid-2016 746,666 → mid-2017 759,436): the population grew
    # 1.7 %, so the rate rose 5.5 % (-11.65 % .. +26.12 %, scipy): still within chance.
    n = change_interval(245, 263, exposure_a=746_666, exposure_b=759_436)
    assert n.pct_change == pytest.approx(5.541888174586274, abs=1e-9)
    assert n.pct_ci_low == pytest.approx(-11.65488384941742, abs=1e-8)
    assert n.pct_ci_high == pytest.approx(26.122521458075454, abs=1e-8)
    assert n.significant is False


def test_published_rate_ratio_example() -> None:
    # Fay, "Testing the Ratio of Two Poisson Rates" (rateratio.test vignette, 2022), section 1:
    # rateratio.test(c(2, 9), c(17877, 16660)) → rate ratio 0.2070941557, 95 % CI 0.02177406 to
    # 1.00054910, p-value 0.05011 ("barely non-significant"). Here the change runs from 9 events
    # (time 16,660) to 2 events (time 17,877), so the ratio is the same 2/17877 ÷ 9/16660.
    c = change_interval(9, 2, exposure_a=16_660, exposure_b=17_877)
    assert c.pct_change == pytest.approx((0.2070941557 - 1) * 100, abs=1e-7)
    assert c.pct_ci_low == pytest.approx((0.02177406 - 1) * 100, abs=1e-5)
    assert c.pct_ci_high == pytest.approx((1.00054910 - 1) * 100, abs=1e-5)
    assert c.p_value == pytest.approx(0.05011, abs=5e-6)
    assert c.significant is False


def test_equal_populations_give_the_count_interval() -> None:
    plain = change_interval(40, 70)
    scaled = change_interval(40, 70, exposure_a=5000, exposure_b=5000)
    assert scaled.pct_ci_low == pytest.approx(plain.pct_ci_low)
    assert scaled.pct_ci_high == pytest.approx(plain.pct_ci_high)
    assert scaled.significant is plain.significant


def test_exposures_come_in_pairs() -> None:
    with pytest.raises(ValueError, match="both"):
        change_interval(1, 2, exposure_a=10)
    with pytest.raises(ValueError, match="positive"):
        change_interval(1, 2, exposure_a=10, exposure_b=0)


def test_large_counts_are_exact_and_tight() -> None:
    # England and Wales all offences are millions: the interval is tight and still exact.
    c = change_interval(5_500_000, 6_000_000)
    assert c.significant is True
    assert c.pct_ci_low is not None and c.pct_ci_high is not None
    assert c.pct_ci_low < 9.0909 < c.pct_ci_high
    assert c.pct_ci_high - c.pct_ci_low < 0.3
