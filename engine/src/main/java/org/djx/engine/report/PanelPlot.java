package org.djx.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Small multiples: line plots side by side under one title, each titled by what sets it apart and with
 * a legend of its own. A series name has the same colour in every panel, so one setting can be followed
 * across them; each panel scales its own axes.
 */
public final class PanelPlot implements Plot {
    private final String title;
    private final List<LinePlot> panels = new ArrayList<>();

    public PanelPlot(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** Adds a panel, drawn after those added before it (left to right, then the next row), and returns this plot. */
    public PanelPlot add(LinePlot panel) {
        panels.add(Objects.requireNonNull(panel, "panel"));
        return this;
    }

    @Override
    public String title() {
        return title;
    }

    public List<LinePlot> panels() {
        return List.copyOf(panels);
    }
}
