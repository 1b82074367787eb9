"""Measures computed from a corpus: term salience, cues, sentiment, uncertainty, sensitivity, evidence lines."""
