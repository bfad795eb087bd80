"""Whether an English text is about international affairs (see :mod:`.model`)."""
