package io.perpcarry.engine;

import io.perpcarry.domain.Venue;
import io.perpcarry.state.CycleStats;
import io.perpcarry.state.HeldPosition;
import io.perpcarry.state.StateStore;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.function.Function;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** The JMX MBean. {@code closeNow} goes through the close route (the integrator passes how to reach it). */
public final class BotControl implements BotControlMBean {
    public static final String OBJECT_NAME = "perpcarry:type=Bot";

    private final RotationEngine engine;
    private final StateStore store;
    private final EmergencyClose emergency;
    private final Function<CloseRequest, String> closer;

    public BotControl(RotationEngine engine, EmergencyClose emergency, Function<CloseRequest, String> closer) {
        this.engine = engine;
        this.store = engine.store();
        this.emergency = emergency;
        this.closer = closer;
    }

    /** Registers on the platform MBean server, replacing a previous registration (route reload, tests). */
    public BotControl register() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(OBJECT_NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(this, name);
            return this;
        } catch (JMException e) {
            throw new IllegalStateException("cannot register " + OBJECT_NAME, e);
        }
    }

    public static void unregister() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(OBJECT_NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException e) {
            // nothing registered
        }
    }

    @Override
    public String getState() {
        return engine.state().name();
    }

    @Override
    public boolean isPaused() {
        return store.paused();
    }

    @Override
    public String getHaltReason() {
        return store.haltReason().orElse("");
    }

    @Override
    public String getPosition() {
        return engine.position().map(BotControl::describe).orElse("none");
    }

    private static String describe(HeldPosition p) {
        return p.describe() + ", opened " + p.openedAt() + ", closes " + p.targetCloseAt();
    }

    @Override
    public String getNetPnlUsd() {
        return store.stats().netPnl().toPlainString();
    }

    @Override
    public String getTradingPnlUsd() {
        return store.stats().tradingPnl().toPlainString();
    }

    @Override
    public String getFeesUsd() {
        return store.stats().fees().toPlainString();
    }

    @Override
    public String getFundingReceivedUsd() {
        CycleStats s = store.stats();
        BigDecimal total = BigDecimal.ZERO;
        StringBuilder b = new StringBuilder();
        for (Venue v : Venue.values()) {
            total = total.add(s.fundingReceived(v));
            b.append(v.wireName()).append(' ').append(s.fundingReceived(v).toPlainString()).append(", ");
        }
        return b.append("total ").append(total.toPlainString()).toString();
    }

    @Override
    public long getCycles() {
        return store.stats().cycles();
    }

    @Override
    public void pause() {
        engine.pause("jmx");
    }

    @Override
    public void resume() {
        engine.resume("jmx");
    }

    @Override
    public String clearHalt() {
        return engine.clearHalt("jmx");
    }

    @Override
    public String closeNow() {
        return closer.apply(CloseRequest.manual("jmx"));
    }

    @Override
    public String emergencyClose() {
        return emergency.run(false, "jmx");
    }

    @Override
    public String emergencyCloseDryRun() {
        return emergency.run(true, "jmx");
    }
}
