package main

import "github.com/beredning/beredning/data/lang"

func init() {
	lang.Register(map[string]lang.Text{
		"cli.pack.summary": {"skriv handlingarna till ett sammanträde (kallelse, föredragningslista, handlingar)", "write a meeting's agenda pack (notice, agenda, documents)"},
		"cli.pack.usage": {
			"Användning: beredning pack --meeting ÅÅÅÅ-MM-DD [--format pdf|html|md] [--public] [--mask-pnr] -o FIL\n\nLedamöternas version innehåller ärenden i sluten del, märkta. Med --public behåller sådana ärenden sitt nummer\nmen ingen text ur dem följer med; HTML-versionen är den som uppfyller kraven på tillgänglighet för webben.\nAll text kontrolleras mot personnummer först; med --mask-pnr maskeras de i stället.",
			"Usage: beredning pack --meeting YYYY-MM-DD [--format pdf|html|md] [--public] [--mask-pnr] -o FILE\n\nThe members' version holds the closed items, marked. With --public those items keep their number but none of\ntheir text; the HTML version is the one that meets the web's accessibility rules.\nAll text is checked for personal identity numbers first; with --mask-pnr they are masked instead.",
		},
		"cli.pack.flag.meeting":     {"sammanträdets datum, t.ex. 2026-11-26", "the meeting's date, e.g. 2026-11-26"},
		"cli.pack.flag.format":      {"pdf, html eller md", "pdf, html or md"},
		"cli.pack.flag.public":      {"offentlig version: inget ur sluten del eller sekretessbelagda handlingar", "public version: nothing of closed items or secret documents"},
		"cli.export.flag.mask_pnr":  {"maskera personnummer i stället för att vägra", "mask personal identity numbers instead of refusing"},
		"cli.export.flag.o":         {"filen att skriva", "the file to write"},
		"cli.export.no_output":      {"Ange filen att skriva med -o FIL.", "Name the file to write with -o FILE."},
		"cli.export.pnr_refused":    {"Skrev ingenting: texten innehåller %d personnummer eller samordningsnummer:", "Nothing written: the text holds %d personal identity or coordination numbers:"},
		"cli.export.pnr_at_line":    {"i %s, rad %d", "in %s, line %d"},
		"cli.export.pnr_at":         {"i %s", "in %s"},
		"cli.export.pnr_front":      {"försättsbladet", "the cover"},
		"cli.export.pnr_hint":       {"Ta bort numren ur handlingen, eller skriv med --mask-pnr för att maskera dem.", "Remove the numbers from the document, or write with --mask-pnr to mask them."},
		"cli.export.pnr_masked":     {"%d personnummer maskerade.", "%d personal identity numbers masked."},
		"cli.export.bad_attachment": {"Den bifogade PDF-filen i %s går inte att läsa; ingenting skrevs.", "The attached PDF in %s cannot be read; nothing written."},
		"cli.export.write_failed":   {"Kunde inte skriva %s: %v", "Could not write %s: %v"},
		"cli.export.written":        {"Skrev %s", "Wrote %s"},

		"cli.briefing.summary": {"skriv ordförandeberedningen: det du markerat på tavlan, med din bedömning", "write the chair's briefing: what you marked on the board, with your assessment"},
		"cli.briefing.usage": {
			"Användning: beredning briefing --meeting ÅÅÅÅ-MM-DD [--period ÅÅÅÅ-MM] [--format pdf|html|md] [--author NAMN] [--mask-pnr] -o FIL\n\nMarkera rader på tavlan med m och skriv bedömningar under b (Beredning). Utan --period: senaste månaden med utfall.",
			"Usage: beredning briefing --meeting YYYY-MM-DD [--period YYYY-MM] [--format pdf|html|md] [--author NAME] [--mask-pnr] -o FILE\n\nMark rows on the board with m and write assessments under b (Beredning). Without --period: the latest month with outcome.",
		},
		"cli.briefing.flag.period": {"perioden beredningen gäller, t.ex. 2026-10 (annars senaste med utfall)", "the period of the briefing, e.g. 2026-10 (else the latest with outcome)"},
		"cli.briefing.flag.author": {"författaren som står på beredningen (annars din användare)", "the author named on the briefing (else your user name)"},
		"cli.meeting.summary":      {"numrera ett sammanträdes paragrafer eller kontrollera kallelsen", "number a meeting's paragraphs or check its notice"},
		"cli.meeting.usage": {
			"Användning: beredning meeting [--db FIL] number ÅÅÅÅ-MM-DD | check ÅÅÅÅ-MM-DD\n\n  number DATUM   ge ärendena §-nummer i följd från årets senaste §\n  check DATUM    kontrollera kallelsedatum, förslag till beslut, handlingar och personnummer\n\nKallelsen ska gå ut senast så många dagar före som inställningen meeting.notice_days säger (standard 5).",
			"Usage: beredning meeting [--db FILE] number YYYY-MM-DD | check YYYY-MM-DD\n\n  number DATE    give the items § numbers continuing from the year's last §\n  check DATE     check the notice date, proposals, documents and personal identity numbers\n\nThe notice must go out at least as many days before as the setting meeting.notice_days says (default 5).",
		},
		"cli.meeting.bad_date":           {"Datumet %q går inte att läsa; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-11-26.", "Cannot read the date %q; write it as YYYY-MM-DD, e.g. 2026-11-26."},
		"cli.meeting.none":               {"Inget sammanträde den %s finns i databasen.", "No meeting on %s in the database."},
		"cli.meeting.failed":             {"Kunde inte läsa sammanträdet: %v", "Could not read the meeting: %v"},
		"cli.meeting.number_refused":     {"Numrerade inte sammanträdet %s: årets §-nummer går inte i följd.", "Did not number the meeting of %s: the year's § numbers do not run in order."},
		"cli.meeting.problem.gap":        {"sammanträdet %s, ärende %d (%s): § %d, men § %[5]d väntas – ett glapp", "meeting %s, item %d (%s): § %d, but § %[5]d is due – a gap"},
		"cli.meeting.problem.duplicate":  {"sammanträdet %s, ärende %d (%s): § %d finns redan tidigare i året (§ %[5]d väntas)", "meeting %s, item %d (%s): § %d is already used earlier in the year (§ %[5]d is due)"},
		"cli.meeting.problem.unnumbered": {"sammanträdet %s, ärende %d (%s): saknar § fast senare ärenden har ett; § %[5]d väntas", "meeting %s, item %d (%s): has no § though later items have one; § %[5]d is due"},
		"cli.meeting.no_items":           {"Sammanträdet %s har inga ärenden att numrera.", "The meeting of %s has no items to number."},
		"cli.meeting.numbered":           {"Sammanträdet %s numrerat: § %d–%d.", "Meeting of %s numbered: § %d–%d."},
		"cli.meeting.numbered_already":   {"Sammanträdet %s har redan § %d–%d; ingenting ändrat.", "The meeting of %s already has § %d–%d; nothing changed."},
		"cli.meeting.check_ok":           {"Sammanträdet %s: kallelsen kan gå ut.", "Meeting of %s: the notice can go out."},
		"cli.meeting.check_heading":      {"Sammanträdet %s: %d saker att åtgärda innan kallelsen går ut:", "Meeting of %s: %d things to mend before the notice goes out:"},
	})
}
