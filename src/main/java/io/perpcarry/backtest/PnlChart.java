package io.perpcarry.backtest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Cumulative net PnL of one run, split into funding, fees and trading, as a PNG drawn with Java2D (headless). Same run,
 * same pixels: no anti-aliasing, no timestamps in the file.
 */
public final class PnlChart {
    private static final int W = 960;
    private static final int H = 480;
    private static final int LEFT = 80;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private PnlChart() {
    }

    public static void write(Path file, String title, List<CurvePoint> curve) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            double min = 0;
            double max = 0;
            for (CurvePoint p : curve) {
                for (BigDecimal v : List.of(p.funding(), p.fees(), p.trading(), p.net())) {
                    min = Math.min(min, v.doubleValue());
                    max = Math.max(max, v.doubleValue());
                }
            }
            if (max - min < 1e-9) {
                max = min + 1;
            }
            double lo = min;
            double span = max - min;
            int plotW = W - LEFT - RIGHT;
            int plotH = H - TOP - BOTTOM;
            Function<Double, Integer> y = v -> TOP + (int) Math.round(plotH * (1 - (v - lo) / span));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(new Color(220, 220, 220));
            for (int i = 0; i <= 4; i++) {
                double v = lo + span * i / 4;
                int yy = y.apply(v);
                g.drawLine(LEFT, yy, W - RIGHT, yy);
                g.setColor(Color.DARK_GRAY);
                g.drawString(BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString(), 5, yy + 4);
                g.setColor(new Color(220, 220, 220));
            }
            g.setColor(Color.BLACK);
            g.drawLine(LEFT, y.apply(0.0), W - RIGHT, y.apply(0.0));
            g.drawRect(LEFT, TOP, plotW, plotH);
            g.drawString(title, LEFT, 20);
            if (!curve.isEmpty()) {
                g.drawString(curve.get(0).at().toString(), LEFT, H - 25);
                String end = curve.get(curve.size() - 1).at().toString();
                g.drawString(end, W - RIGHT - g.getFontMetrics().stringWidth(end), H - 25);
            }
            series(g, curve, CurvePoint::funding, new Color(0, 128, 0), y, plotW, 1f);
            series(g, curve, CurvePoint::fees, new Color(200, 0, 0), y, plotW, 1f);
            series(g, curve, CurvePoint::trading, new Color(0, 90, 200), y, plotW, 1f);
            series(g, curve, CurvePoint::net, Color.BLACK, y, plotW, 2.5f);
            legend(g, List.of("net", "funding", "fees", "trading"),
                    List.of(Color.BLACK, new Color(0, 128, 0), new Color(200, 0, 0), new Color(0, 90, 200)));
        } finally {
            g.dispose();
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }

    private static void series(Graphics2D g, List<CurvePoint> curve, Function<CurvePoint, BigDecimal> f, Color c,
                               Function<Double, Integer> y, int plotW, float width) {
        if (curve.size() < 2) {
            return;
        }
        g.setColor(c);
        g.setStroke(new BasicStroke(width));
        long t0 = curve.get(0).at().getEpochSecond();
        long span = Math.max(1, curve.get(curve.size() - 1).at().getEpochSecond() - t0);
        int px = -1;
        int py = 0;
        for (CurvePoint p : curve) {
            int x = LEFT + (int) Math.round((double) plotW * (p.at().getEpochSecond() - t0) / span);
            int yy = y.apply(f.apply(p).doubleValue());
            if (px >= 0) {
                g.drawLine(px, py, x, yy);
            }
            px = x;
            py = yy;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void legend(Graphics2D g, List<String> names, List<Color> colors) {
        int x = W - RIGHT - 320;
        for (int i = 0; i < names.size(); i++) {
            g.setColor(colors.get(i));
            g.fillRect(x, 12, 14, 10);
            g.setColor(Color.BLACK);
            g.drawString(names.get(i), x + 18, 22);
            x += 80;
        }
    }
}
