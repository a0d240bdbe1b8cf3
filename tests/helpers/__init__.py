"""What the tests share: productions built in code (``productions``), breakdown workbooks
(``workbooks``), a scheduled production for the report writers (``reports``), bottleneck
histories (``history``), USS documents (``uss``), the upload page (``web``) and where the
examples and the shared folder are (``paths``)."""
