package pnr

import (
	"fmt"
	"strings"
	"testing"
)

// The corpus: numbers written as people write them in narratives, in the
// places they stand there, and look-alikes that must pass. Recall and
// false alarms are reported; the aim, and the bar, is 100 % and none.

// validNumbers are date, last four: each passes the date and Luhn checks.
var validNumbers = [][3]string{ // YYMMDD, YYYYMMDD, NNNN
	{"811218", "19811218", "3317"},
	{"850101", "19850101", "9700"},
	{"900715", "19900715", "1542"},
	{"030303", "20030303", "4045"},
	{"121130", "20121130", "6665"},
	{"450606", "19450606", "0492"},
	{"991231", "19991231", "0746"},
	{"000229", "20000229", "8404"},
	{"671010", "19671010", "5484"},
	{"080868", "20080868", "0961"}, // samordningsnummer: day 8 + 60
	{"770484", "19770484", "3742"}, // samordningsnummer: day 24 + 60
	{"210512", "20210512", "5963"},
}

// forms write a number; d6 and d8 are the date, n the last four.
var forms = []struct {
	name  string
	write func(d6, d8, n string) string
}{
	{"YYMMDD-NNNN", func(d6, d8, n string) string { return d6 + "-" + n }},
	{"YYMMDD+NNNN", func(d6, d8, n string) string { return d6 + "+" + n }},
	{"YYYYMMDD-NNNN", func(d6, d8, n string) string { return d8 + "-" + n }},
	{"YYYYMMDDNNNN", func(d6, d8, n string) string { return d8 + n }},
	{"YYMMDDNNNN", func(d6, d8, n string) string { return d6 + n }},
	{"YYMMDD NNNN", func(d6, d8, n string) string { return d6 + " " + n }},
	{"YYYYMMDD NNNN", func(d6, d8, n string) string { return d8 + " " + n }},
	{"NBSP", func(d6, d8, n string) string { return d6 + "\u00a0" + n }},
	{"narrow NBSP", func(d6, d8, n string) string { return d6 + "\u202f" + n }},
	{"en dash", func(d6, d8, n string) string { return d6 + "–" + n }},
	{"em dash", func(d6, d8, n string) string { return d8 + "—" + n }},
	{"minus sign", func(d6, d8, n string) string { return d6 + "−" + n }},
	{"non-breaking hyphen", func(d6, d8, n string) string { return d6 + "‑" + n }},
	{"spaced dash", func(d6, d8, n string) string { return d6 + " - " + n }},
	{"spaced en dash", func(d6, d8, n string) string { return d8 + " – " + n }},
	{"break after dash", func(d6, d8, n string) string { return d6 + "-\n" + n }},
	{"break as separator", func(d6, d8, n string) string { return d8 + "\r\n" + n }},
	{"full-width", func(d6, d8, n string) string { return fullWidth(d6) + "－" + fullWidth(n) }},
}

func fullWidth(s string) string {
	return strings.Map(func(r rune) rune { return r - '0' + '０' }, s)
}

// contexts are where a number stands in a narrative; %s is the number.
var contexts = []string{
	"Barnet (%s) har flyttat till jourhem.",
	"Ärendet gäller «%s».",
	"Klienten ”%s” har ansökt igen.",
	"§%s",
	"pnr:%s",
	"Pnr %s.",
	"%s",
	"Pojken,\u00a0%s\u00a0, placerades i HVB.",
	"född %s, placerad i familjehem",
	"Se akten [%s] och beslutet.",
	"'%s'",
	"%s…",
	"…%s",
	"Anmälan om\n%s\nkom in i oktober.",
	"Ärendet gäller %s – se akt.",
	"\t%s\t",
}

// lookAlikes are numbers a narrative holds that are not personal numbers.
var lookAlikes = []string{
	"Ring 08-123 456 78 för tid.",
	"Mottagningen nås på 070-123 45 67.",
	"Telefon +46 70 123 45 67",
	"Växel 031-12 34 56, fax 031-12 34 57",
	"Kundtjänst 0771-123 456",
	"Dnr SN 2026/1234",
	"Dnr 2026-000123 avser överklagandet.",
	"Diarienummer SOC 2025.456",
	"IFO-2026-0042 är avslutat.",
	"Beslut 2026-10-31 gäller från 2026-11-01.",
	"Mötet 20261031 klockan 13.00.",
	"Rapporten 31/10 2026.",
	"Kostnaden är 1 234 567 kr.",
	"Budget 12 345,67 tkr, avvikelse -1 268,2 tkr.",
	"Summa 1234567890 öre",
	"Personnumret 811218-9875 är felskrivet (fel kontrollsiffra).",
	"850101-9701 har fel kontrollsiffra.",
	"19850101-9701 har fel kontrollsiffra.",
	"8501019701 har fel kontrollsiffra.",
	"Datum 851301-1234 finns inte (månad 13).",
	"850132-1234 har dag 32.",
	"010229-1234 (29 februari 2001 finns inte).",
	"Kommunens organisationsnummer 212000-0142.",
	"Bolaget 556677-8899 fakturerar.",
	"Bankgiro 5050-1055",
	"Plusgiro 90 01 22-3",
	"Postadress 123 45 Storstad",
	"Ärende 2026-0045-12",
	"IBAN SE45 5000 0000 0583 9825 7466",
	"Öppet 08:00-16:30 vardagar.",
	"Perioden 2024-2026 och 1990–2025.",
	"Kolada N17473 och U21468",
	"Löpnummer 123456789012345",
	"ISBN 978-91-27-13567-8",
	"Koden ABC8501019700 är ett ordernummer.",
	"Artikel åäö8501019700",
	"Ref8501019700x",
	"Adress 192.168.100.200",
	"Vecka 45, 2026: 14 placeringar, 233 anmälningar.",
	"Avtal 2026-10-31 1200 tkr",
	"Fakturanummer 20261031-12345",
	"Konto 8327-9, 123 456 789-0",
	"Tabell: 850101 | 9700",
	"Intervallet 850101–850131",
}

func TestCorpus(t *testing.T) {
	total, found := 0, 0
	var missed []string
	for i, f := range forms {
		for k := 0; k < 4; k++ { // each form in four contexts, with different numbers
			v := validNumbers[(i*4+k)%len(validNumbers)]
			number := f.write(v[0], v[1], v[2])
			ctx := contexts[(i*5+k*3)%len(contexts)]
			text := fmt.Sprintf(ctx, number)
			total++
			ms := Find(text)
			if len(ms) == 1 && text[ms[0].Start:ms[0].End] == number {
				found++
				if masked, n := Mask(text); n != 1 || strings.Contains(masked, number) {
					t.Errorf("%s: Mask(%q) = %q", f.name, text, masked)
				}
				continue
			}
			missed = append(missed, fmt.Sprintf("%s in %q: %v", f.name, text, ms))
		}
	}
	falseAlarms := 0
	for _, s := range lookAlikes {
		if ms := Find(s); len(ms) > 0 {
			falseAlarms++
			t.Errorf("false alarm in %q: %q", s, s[ms[0].Start:ms[0].End])
		}
	}
	t.Logf("recall %d/%d (%.1f %%), false alarms %d/%d", found, total, 100*float64(found)/float64(total), falseAlarms, len(lookAlikes))
	for _, m := range missed {
		t.Errorf("missed: %s", m)
	}
	if total < 60 || len(lookAlikes) < 40 {
		t.Errorf("corpus too small: %d valid forms, %d look-alikes", total, len(lookAlikes))
	}
}
