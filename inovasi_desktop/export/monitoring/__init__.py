"""The region's monitoring recap: charts (one definition for screen and paper), PDF, XLSX and CSV."""
