"""What readers see: charts, the reading view, HTML views, the widget and the report build."""
