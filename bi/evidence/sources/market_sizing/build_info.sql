-- When and from what the published warehouse was built (the time as text: the page shows it as is).
select strftime(built_at_utc, '%Y-%m-%d %H:%M:%S') as built_at_utc, git_commit, inputs_sha256
from meta.build_info
