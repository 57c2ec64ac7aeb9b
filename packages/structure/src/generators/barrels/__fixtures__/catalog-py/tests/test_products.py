from acme_catalog import make_product


def test_make_product():
    assert make_product("AB 1", "Flour").sku == "ab-1"
