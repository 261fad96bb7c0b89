"""The explorer's widgets: they format and display what the screens hand them (imported by their
own names: this package imports nothing, so the start screen loads without the charts)."""
