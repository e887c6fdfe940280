package data

import "math"

// Money is an exact amount in öre (1/100 krona). Budgets arrive in tkr with
// decimals; öre holds any tkr value with up to five decimals exactly.
type Money int64

const (
	Krona Money = 100
	Tkr   Money = 100 * 1000
)

// TkrTenths rounds the amount to tenths of a tkr, half away from zero: the
// precision reports print ("1 234,5 tkr").
func (m Money) TkrTenths() int64 {
	const tenth = int64(Tkr / 10)
	v := int64(m)
	if v >= 0 {
		return (v + tenth/2) / tenth
	}
	return -((-v + tenth/2) / tenth)
}

// Tkr is the amount in tkr as a float, for ratios and bars only; never sum it.
func (m Money) Tkr() float64 { return float64(m) / float64(Tkr) }

// Percent returns part as a share of |whole|, in per cent, or NaN when
// whole is zero. The absolute value keeps a deviation's sign on revenue
// lines, whose budget is negative.
func Percent(part, whole Money) float64 {
	if whole == 0 {
		return math.NaN()
	}
	return float64(part) / float64(whole.Abs()) * 100
}

// Abs is the absolute amount.
func (m Money) Abs() Money {
	if m < 0 {
		return -m
	}
	return m
}
