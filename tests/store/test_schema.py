"""The read side's light table handles (store/schema.py) name real tables and columns."""

from __future__ import annotations

import pytest
from sqlalchemy import Boolean, Integer

from cartelkb.store import schema
from cartelkb.store.models import Base


@pytest.mark.parametrize("handle", schema.ALL, ids=lambda t: t.name)
def test_every_column_exists_in_the_models(handle):
    model = Base.metadata.tables[handle.name]
    for column in handle.c:
        assert column.name in model.c, f"{handle.name}.{column.name} is not in the models"
        real = model.c[column.name].type
        # Booleans and integers must be typed, so both dialects return Python values.
        if isinstance(real, (Boolean, Integer)):
            assert isinstance(column.type, type(real)), f"{handle.name}.{column.name}"
