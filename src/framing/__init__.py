"""framing: compare how news outlets frame the same event.

The package is imported lazily: ``import framing`` is cheap, and the heavy
libraries (pandas, nltk, matplotlib) load only when a function needs them.
"""

__version__ = "0.1.0"
