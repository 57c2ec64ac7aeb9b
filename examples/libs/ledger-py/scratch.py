# quick manual check while wiring the billing service, not part of the package
import datetime as dt
from pprint import pprint

from ledger import ChartOfAccounts, Journal, JournalEntry, Posting, account_balance
from ledger.reports.trial_balance import render_text, trial_balance

chart = ChartOfAccounts()
for code, name in [("1200", "Bank"), ("1400", "Receivables"), ("1800", "Clearing"),
                   ("2400", "VAT payable"), ("4000", "Revenue")]:
    chart.open(code, name)

journal = Journal(chart)
journal.post(JournalEntry(dt.date(2024, 6, 3), "INV-2024-0042", [
    Posting.dr("1400", "1194.20"),
    Posting.cr("4000", "1008.97"),
    Posting.cr("2400", "185.23"),
]))
journal.post(JournalEntry(dt.date(2024, 7, 2), "Payment INV-2024-0042", [
    Posting.dr("1200", "1194.20"),
    Posting.cr("1400", "1194.20"),
]))

pprint({code: account_balance(journal, code) for code in ("1200", "1400", "4000")})
print(render_text(trial_balance(journal)))
