package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;
import org.earlyhelp.shared.work.BackgroundWork;
import org.earlyhelp.shared.work.BackgroundWork.Job;
import org.jspecify.annotations.Nullable;

/**
 * Where a page shows its long work: a progress bar while it runs (the page asks every second, and
 * stays usable), then the result. A person who leaves and comes back finds the work still running,
 * or its result; on another instance or after a restart, how it ended in a sentence.
 *
 * @param <T> what the work gives
 */
public class WorkPanel<T> extends Div {

    private static final int POLL_MILLISECONDS = 1000;

    private final transient BackgroundWork work;
    private final String kind;
    private final String words;
    private final transient Consumer<T> showResult;
    private final Paragraph status = new Paragraph();
    private final ProgressBar bar = new ProgressBar();
    private transient @Nullable Job<?> watching;
    private @Nullable Registration polling;

    /**
     * @param kind the kind of work this panel shows, the person's latest of which it finds on attach
     * @param showResult shows a finished job's result (on the instance that ran it)
     */
    public WorkPanel(BackgroundWork work, String kind, Consumer<T> showResult) {
        this(work, kind, "work", showResult);
    }

    /**
     * @param words the translation keys' start for what the panel says ({@code work} for an import,
     *     {@code work.check} for a check)
     */
    public WorkPanel(BackgroundWork work, String kind, String words, Consumer<T> showResult) {
        this.words = words;
        this.work = work;
        this.kind = kind;
        this.showResult = showResult;
        addClassName("work-panel");
        status.setId(kind + "-status");
        // Said to screen readers as it changes: started, and how it ended.
        status.getElement().setAttribute("aria-live", "polite");
        bar.setId(kind + "-progress");
        bar.setMin(0);
        bar.setMax(1);
        bar.setVisible(false);
        add(status, bar);
    }

    /** Shows work just started, and follows it. */
    public void follow(Job<T> job) {
        watching = job;
        update();
        getUI().ifPresent(this::poll);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        if (watching == null) {
            work.latest(kind).ifPresent(job -> watching = job);
        }
        update();
        if (watching != null && watching.state() == BackgroundWork.State.RUNNING) {
            poll(attach.getUI());
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        stopPolling(detach.getUI());
        super.onDetach(detach);
    }

    private void poll(UI ui) {
        if (polling == null) {
            ui.setPollInterval(POLL_MILLISECONDS);
            polling = ui.addPollListener(e -> {
                update();
                if (watching == null || watching.state() != BackgroundWork.State.RUNNING) {
                    stopPolling(ui);
                }
            });
        }
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    /** Whether work of this kind is running now. */
    public boolean running() {
        return watching != null && watching.state() == BackgroundWork.State.RUNNING;
    }

    @SuppressWarnings("unchecked")
    private void update() {
        Job<?> job = watching;
        if (job == null) {
            status.setText("");
            bar.setVisible(false);
            return;
        }
        switch (job.state()) {
            case RUNNING -> {
                bar.setVisible(true);
                bar.setIndeterminate(job.fraction() == 0);
                bar.setValue(job.fraction());
                String percent = Math.round(job.fraction() * 100) + "%";
                bar.getElement().setAttribute("aria-label", getTranslation(words + ".running", job.label(), percent));
                status.setText(getTranslation(
                        job.fraction() == 0 ? words + ".running-started" : words + ".running", job.label(), percent));
            }
            case DONE -> {
                bar.setVisible(false);
                status.setText(getTranslation(words + ".done", job.label()));
                if (job.result().isPresent()) {
                    watching = null;
                    showResult.accept((T) job.result().get());
                } else {
                    status.setText(getTranslation(
                            words + ".done-elsewhere",
                            job.label(),
                            job.summary().orElse("")));
                }
            }
            case FAILED -> {
                bar.setVisible(false);
                status.setText(getTranslation(
                        words + ".failed",
                        job.label(),
                        job.failure().map(Words::of).or(job::summary).orElse("")));
            }
            case STOPPED -> {
                bar.setVisible(false);
                status.setText(getTranslation(words + ".stopped", job.label()));
            }
        }
    }
}
