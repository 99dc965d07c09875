"""Lengths of time: '24 years' and 'more than twenty years' say how long, not when.

The one rule for them: extract drops such DATE mentions, and the timeline gives
them no date.
"""

from __future__ import annotations

import re

_NUMBER = (
    r"(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|a hundred|several|a few|few|many|"
    r"a couple of|couple of|dozens of|hundreds of|thousands of)(?:[\s-]\w+)?"
)
_DURATION = re.compile(
    r"^(?:(?:more|less|fewer) than |over |under |about |around |nearly |almost |some |at least |up to |"
    r"just |only |the (?:(?:past|last|next|previous|first|coming|following) )?|a further |another |for )*"
    + _NUMBER
    + r"[\s-](?:years?|months?|weeks?|days?|decades?|centuries|century|hours?|minutes?|seconds?|nights?)"
    r"(?:[\s-](?:long|old|running|straight))?$",
    re.I,
)


def is_duration(text: str) -> bool:
    """'24 years', 'more than twenty years' are lengths of time, not dates; 'two years ago' is a date."""
    return bool(_DURATION.match(" ".join(text.split())))
