"""The foundation every layer may import: names, paths, errors, interrupts, safe output folders."""
