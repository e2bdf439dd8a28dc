package org.dclust.framework.report;

import java.util.Arrays;

/**
 * A point-region quadtree over a 2-D t-SNE map that approximates the repulsive forces by Barnes-Hut
 * (van der Maaten 2014, section 4.2): a cell with {@code side / distance < theta} to its centre of
 * mass acts as one body of its point count. The cell size is the full side length, as in
 * scikit-learn and openTSNE (the paper words it with the diagonal, the reference bhtsne uses the half
 * side, which is looser), and a summarised cell that holds the point itself leaves that point out of
 * its mass and centre. Leaves hold one point, or several coincident ones, and are evaluated point by
 * point, so {@code theta = 0} gives the exact sums.
 */
final class QuadTree {
    private static final int MAX_DEPTH = 48;
    private static final int STACK = 3 * MAX_DEPTH + 8;

    private final double[] y;
    private final int[] next; // chain of points in a leaf, -1 ends it
    private double[] geo; // per node: centre x, centre y, squared side
    private double[] mass; // per node: sum x, sum y, then (after building) centre of mass x, y
    private int[] link; // per node: point count, first of 4 children (-1 for a leaf), first point (-1 if none)
    private int nodes;

    /** A tree over the points {@code (y[2i], y[2i + 1])}. */
    QuadTree(double[] y) {
        this.y = y;
        int n = y.length / 2;
        this.next = new int[n];
        int cap = Math.max(16, 2 * n);
        geo = new double[3 * cap];
        mass = new double[2 * cap];
        link = new int[3 * cap];
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        double side = n == 0 ? 1 : Math.max(maxX - minX, maxY - minY) * (1 + 1e-9) + 1e-12;
        newNode(n == 0 ? 0 : (minX + maxX) / 2, n == 0 ? 0 : (minY + maxY) / 2, side);
        for (int i = 0; i < n; i++) {
            insert(i);
        }
        for (int node = 0; node < nodes; node++) {
            int c = link[3 * node];
            if (c > 0) {
                mass[2 * node] /= c;
                mass[2 * node + 1] /= c;
            }
        }
    }

    /**
     * Adds to {@code force} the (approximate) unnormalised repulsion on point i,
     * {@code sum_j w_ij^2 (y_i - y_j)} with {@code w_ij = 1 / (1 + |y_i - y_j|^2)}, and returns
     * {@code sum_j w_ij}, both over {@code j != i}.
     */
    double repulsion(int i, double theta, double[] force) {
        final double xi = y[2 * i];
        final double yi = y[2 * i + 1];
        final double theta2 = theta * theta;
        double q = 0;
        double fx = 0;
        double fy = 0;
        int[] stack = new int[STACK]; // node * 2 + 1 when the node holds point i
        int top = 0;
        if (link[0] > 0) {
            stack[top++] = 1;
        }
        while (top > 0) {
            int entry = stack[--top];
            int node = entry >> 1;
            int c = link[3 * node];
            int first = link[3 * node + 1];
            if (first < 0) {
                for (int j = link[3 * node + 2]; j >= 0; j = next[j]) {
                    if (j != i) {
                        double dx = xi - y[2 * j];
                        double dy = yi - y[2 * j + 1];
                        double w = 1 / (1 + dx * dx + dy * dy);
                        q += w;
                        fx += w * w * dx;
                        fy += w * w * dy;
                    }
                }
                continue;
            }
            double mx = mass[2 * node];
            double my = mass[2 * node + 1];
            boolean own = (entry & 1) != 0;
            if (own) { // the cell's centre of mass without point i itself
                mx = (mx * c - xi) / (c - 1);
                my = (my * c - yi) / (c - 1);
                c--;
            }
            double dx = xi - mx;
            double dy = yi - my;
            double d2 = dx * dx + dy * dy;
            if (geo[3 * node + 2] < theta2 * d2) {
                double w = 1 / (1 + d2);
                double cw = c * w;
                q += cw;
                fx += cw * w * dx;
                fy += cw * w * dy;
            } else {
                int mine = own ? quadrant(node, xi, yi) : -1;
                for (int k = 3; k >= 0; k--) {
                    if (link[3 * (first + k)] > 0) {
                        stack[top++] = (first + k) << 1 | (k == mine ? 1 : 0);
                    }
                }
            }
        }
        force[0] += fx;
        force[1] += fy;
        return q;
    }

    private void insert(int i) {
        double px = y[2 * i];
        double py = y[2 * i + 1];
        int node = 0;
        for (int depth = 0;; depth++) {
            link[3 * node]++;
            mass[2 * node] += px;
            mass[2 * node + 1] += py;
            if (link[3 * node + 1] < 0) {
                int h = link[3 * node + 2];
                if (h < 0) {
                    link[3 * node + 2] = i;
                    next[i] = -1;
                    return;
                }
                if (depth >= MAX_DEPTH || (y[2 * h] == px && y[2 * h + 1] == py)) {
                    next[i] = h;
                    link[3 * node + 2] = i;
                    return;
                }
                split(node, h);
            }
            node = link[3 * node + 1] + quadrant(node, px, py);
        }
    }

    /** Turns a leaf into 4 children and moves its points (all coincident with h) to one of them. */
    private void split(int node, int h) {
        double quarter = Math.sqrt(geo[3 * node + 2]) / 4;
        int first = nodes;
        for (int k = 0; k < 4; k++) {
            newNode(geo[3 * node] + ((k & 1) == 0 ? -quarter : quarter), geo[3 * node + 1] + ((k & 2) == 0 ? -quarter : quarter),
                    2 * quarter);
        }
        link[3 * node + 1] = first;
        link[3 * node + 2] = -1;
        int target = first + quadrant(node, y[2 * h], y[2 * h + 1]);
        link[3 * target + 2] = h;
        for (int j = h; j >= 0; j = next[j]) {
            link[3 * target]++;
            mass[2 * target] += y[2 * j];
            mass[2 * target + 1] += y[2 * j + 1];
        }
    }

    private int quadrant(int node, double px, double py) {
        return (px < geo[3 * node] ? 0 : 1) | (py < geo[3 * node + 1] ? 0 : 2);
    }

    private void newNode(double x, double yy, double side) {
        if (nodes == link.length / 3) {
            int cap = 2 * nodes;
            geo = Arrays.copyOf(geo, 3 * cap);
            mass = Arrays.copyOf(mass, 2 * cap);
            link = Arrays.copyOf(link, 3 * cap);
        }
        geo[3 * nodes] = x;
        geo[3 * nodes + 1] = yy;
        geo[3 * nodes + 2] = side * side;
        mass[2 * nodes] = 0;
        mass[2 * nodes + 1] = 0;
        link[3 * nodes] = 0;
        link[3 * nodes + 1] = -1;
        link[3 * nodes + 2] = -1;
        nodes++;
    }
}
