package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

// writeBudgetCSV writes rows budget rows as Swedish Excel saves them:
// UTF-8 with a byte order mark, semicolons, CRLF, decimal commas,
// no-break-space thousands, and empty outcomes for months not closed.
// 40 areas × 50 units × 100 months × 5 konton = 1 000 000 distinct keys.
func writeBudgetCSV(path string, rows int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	io.WriteString(w, "\ufeffOmråde;Enhet;Period;Konto;Budget (tkr);Utfall (tkr);Prognos (tkr)\r\n")
	kontos := []string{"personal", "placeringar", "bistand", "ovrigt", "intakter"}
	n := 0
	for a := 0; a < 40 && n < rows; a++ {
		for u := 0; u < 50 && n < rows; u++ {
			for m := 0; m < 100 && n < rows; m++ {
				year, month := 2018+m/12, m%12+1
				for k, konto := range kontos {
					if n == rows {
						break
					}
					budget := 1000 + (a*7919+u*104729+m*31+k*17)%90000
					outcome := ""
					if m < 94 {
						outcome = tkr(budget*10 + (a+u+m)%200 - 100)
					}
					forecast := ""
					if m%12 == 11 {
						forecast = tkr(budget * 120)
					}
					fmt.Fprintf(w, "Område %02d;Enhet %02d-%02d;%04d-%02d;%s;%s;%s;%s\r\n",
						a+1, a+1, u+1, year, month, konto, tkr(budget*10), outcome, forecast)
					n++
				}
			}
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// tkr writes tenths of a tkr the Swedish way: 123456 → "12 345,6".
func tkr(tenths int) string {
	neg := tenths < 0
	if neg {
		tenths = -tenths
	}
	whole := fmt.Sprint(tenths / 10)
	var b []byte
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b = append(b, "\u00a0"...)
		}
		b = append(b, byte(c))
	}
	s := fmt.Sprintf("%s,%d", b, tenths%10)
	if neg {
		return "-" + s
	}
	return s
}
