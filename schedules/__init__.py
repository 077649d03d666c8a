"""When and how crawls run: the CLI, the nightly job and the scheduler."""
