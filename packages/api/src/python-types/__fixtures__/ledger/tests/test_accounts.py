from ledger import Account


def test_credit():
    account = Account("100", "Cash")
    account.credit(1)
    assert account.balance == 1
