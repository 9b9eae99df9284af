package io.perpcarry.engine;

import io.perpcarry.domain.Venue;
import io.perpcarry.state.CycleStats;
import io.perpcarry.state.HeldPosition;
import io.perpcarry.state.StateStore;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** The JMX MBean: reads the engine, and every action is a {@link ControlActions} call journaled {@code by: jmx}. */
public final class BotControl implements BotControlMBean {
    public static final String OBJECT_NAME = "perpcarry:type=Bot";
    private static final String BY = "jmx";

    private final RotationEngine engine;
    private final StateStore store;
    private final ControlActions actions;

    public BotControl(ControlActions actions) {
        this.engine = actions.engine();
        this.store = engine.store();
        this.actions = actions;
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
    public String pause() {
        return actions.pause(BY, null).message();
    }

    @Override
    public String pauseWithReason(String reason) {
        return actions.pause(BY, reason).message();
    }

    @Override
    public String resume() {
        return actions.resume(BY, false).message();
    }

    @Override
    public String resumeClearingHalt() {
        return actions.resume(BY, true).message();
    }

    @Override
    public String clearHalt() {
        return actions.clearHalt(BY).message();
    }

    @Override
    public String closeNow() {
        return actions.closeNow(BY).message();
    }

    @Override
    public String emergencyClose() {
        return actions.emergencyClose(BY, false).message();
    }

    @Override
    public String emergencyCloseDryRun() {
        return actions.emergencyClose(BY, true).message();
    }
}
