"""Every domain's tables on one metadata: import this where the whole schema matters
(migrations, schema checks). Add a line per domain package that has models."""

from __future__ import annotations

import bot.announcements.models
import bot.companies.models
import bot.register.models  # noqa: F401
from bot.stats import models as stats_models  # noqa: F401
from bot.store.models import Base

metadata = Base.metadata
