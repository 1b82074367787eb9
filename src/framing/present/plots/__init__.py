"""Charts of term salience, cues, sentiment, intervals and ranking sensitivity, one module per measure.

Every chart function draws onto the Axes it is given (``ax=None`` uses
``matplotlib.pyplot.gca()``) and returns it; :func:`plot_top_terms_grid`
fills a whole Figure and returns that.  Nothing is computed here that the
analysis modules do not already provide: the charts take their tidy tables
(``framing.measures.salience.term_table``, ``framing.measures.cues.find_cues`` and
``cue_rates``, ``framing.measures.sentiment.sentence_sentiment`` and
``actor_sentiment``, ``framing.measures.uncertainty.summarise``,
``framing.measures.sensitivity.ranking_sensitivity``) as they are.

Modules
-------
``style``
    Outlet colours and styles, the house rcParams, deterministic PNGs.
``frame``
    The frame every chart shares: title, axis labels, legend, notes, empty state.
``marks``
    Labels beside marks, outlets side by side within a row, outlets down an axis.
``layout``
    Room for the axes as outlets grow: figure growth, panels inside a chart's Axes.
``salience``
    Most typical terms per outlet; how common vs how typical.
``cues``
    Cue rates per 1,000 words; attribution verbs by type.
``sentiment``
    Sentence sentiment through articles, per outlet, around actors.
``uncertainty``
    Per-outlet values with 95% intervals and p-values.
``sensitivity``
    How top-term rankings move with the settings.
``selection``
    Which outlet tells which content unit, and where.
``articles``
    Per-article measures of a corpus run, one box per outlet.

Conventions shared by all charts
--------------------------------
* One fixed colour per outlet, from the colour-blind-safe Okabe-Ito palette,
  assigned by :func:`outlet_colors` in the order of the ``outlets`` argument.
  Pass the outlets in ``articles.csv`` order, and pass the same
  ``colors=outlet_colors(all_outlets)`` when a chart shows only some of
  them, so an outlet keeps its colour from chart to chart.
* Every chart has a title, axis labels with units, and says how many units
  (tokens, sentences, cues) it rests on: ``"n = ..."`` in the title or legend.
* Charts of statistical significance carry :data:`SIGNIFICANCE_NOTE`.
* An empty selection (no cues, no sentences) draws a message saying so
  instead of raising.
* Up to five outlets (:data:`framing.present.plots.layout.GROUPED_MAX`) a
  chart may put them side by side within a group (grouped bars, dodged
  dots, overlaid lines) with a legend entry each.  With more, it draws
  small panels instead, with the outlet names on an axis, sorted by value
  (cue rates, attribution, intervals, actor tone, sentence tone), or one
  panel per outlet on shared scales (sentiment arcs, top terms); no legend
  lists outlets then.  The function still returns the Axes it was given:
  it becomes the frame that holds the title, the axis labels and the
  panels (``ax.child_axes``).
* A chart drawn alone in its figure grows the figure (never shrinks it)
  until every drawing area is at least 1.6 inches each way, so a legend or
  thirty rows never squeeze the axes; panel titles and notes are wrapped to
  their own width, so nothing runs past the figure.
* :func:`use_house_style` sets font sizes, figure size and the settings that
  make saved files reproducible; :func:`savefig_deterministic` writes a PNG
  whose bytes depend only on the figure.
* Names from the data (outlets, terms, actors) may be in any script: each
  goes through :func:`framing.present.chart_labels.chart_text` before it is drawn, so
  right-to-left names read in order and a character no installed font has
  is shown as a substitute instead of raising a missing-glyph warning.
  Legends list the outlets in the order of ``outlets``, row by row.
"""

from __future__ import annotations

from framing.present.plots.articles import plot_article_distributions
from framing.present.plots.cues import CUE_CATEGORIES, plot_attribution_profile, plot_cue_rates
from framing.present.plots.frame import INTERVAL_NOTE, SIGNIFICANCE_NOTE
from framing.present.plots.salience import (
    FrequencyAxis,
    plot_frequency_vs_distinctiveness,
    plot_top_terms,
    plot_top_terms_grid,
)
from framing.present.plots.selection import plot_coverage
from framing.present.plots.sensitivity import plot_sensitivity
from framing.present.plots.sentiment import (
    COMPOUND_LABEL,
    NEUTRAL_BAND,
    VOICE_MARKERS,
    Position,
    plot_actor_sentiment,
    plot_sentiment_arc,
    plot_sentiment_distribution,
)
from framing.present.plots.speakers import plot_voice_share as plot_voice_share
from framing.present.plots.style import (
    FALLBACK_HATCHES,
    FALLBACK_LINESTYLES,
    FALLBACK_MARKERS,
    GREY,
    INK,
    OKABE_ITO,
    SMALL,
    OutletStyle,
    house_rcparams,
    outlet_colors,
    outlet_styles,
    savefig_deterministic,
    use_house_style,
)
from framing.present.plots.uncertainty import plot_summary_intervals

__all__ = [
    "COMPOUND_LABEL",
    "CUE_CATEGORIES",
    "FALLBACK_HATCHES",
    "FALLBACK_LINESTYLES",
    "FALLBACK_MARKERS",
    "GREY",
    "INK",
    "INTERVAL_NOTE",
    "NEUTRAL_BAND",
    "OKABE_ITO",
    "SIGNIFICANCE_NOTE",
    "SMALL",
    "VOICE_MARKERS",
    "FrequencyAxis",
    "OutletStyle",
    "Position",
    "house_rcparams",
    "outlet_colors",
    "outlet_styles",
    "plot_actor_sentiment",
    "plot_article_distributions",
    "plot_attribution_profile",
    "plot_coverage",
    "plot_cue_rates",
    "plot_frequency_vs_distinctiveness",
    "plot_sensitivity",
    "plot_sentiment_arc",
    "plot_sentiment_distribution",
    "plot_summary_intervals",
    "plot_top_terms",
    "plot_top_terms_grid",
    "savefig_deterministic",
    "use_house_style",
]
