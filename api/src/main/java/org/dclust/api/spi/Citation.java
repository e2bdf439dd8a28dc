package org.dclust.api.spi;

/** The paper a plugin implements: shown by {@code dclust plugins} and recorded with results. */
public record Citation(String authors, String title, int year, String venue, String arxiv) {
    @Override
    public String toString() {
        return authors + ", \"" + title + "\", " + venue + " " + year + (arxiv == null || arxiv.isEmpty() ? "" : ", arXiv " + arxiv);
    }
}
