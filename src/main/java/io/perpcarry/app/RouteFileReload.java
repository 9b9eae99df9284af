package io.perpcarry.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.ResourceReload;
import org.apache.camel.support.EventHelper;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the one edited file of routes/ and leaves every other route running.
 *
 * <p>Why not Camel's own reload: in Camel 4.17 {@code RouteWatcherReloadStrategy.onRouteReload} (remove-all-routes
 * mode) removes every route, then loads the source file of each removed route once <em>per route</em>; a file
 * holding two routes is loaded twice, {@code RoutesLoader.updateRoutes} refuses the second copy ("duplicate route
 * id") and the files not yet loaded stay missing. Its other mode never removes a route dropped from the file.
 * Here: the edited file is parsed and its routes replaced (same id: updated); routes it no longer declares are
 * removed; a deleted file's routes are removed; a file that does not load (or now declares no route) changes nothing
 * and the error names it. Guard routes ({@code group: guard}: the stop-loss and risk checks, the emergency and control
 * file triggers) are never removed by a reload: deleting their file or dropping them from it keeps them running and logs an ERROR
 * naming the file, so an edit cannot silently take the protection off a held hedge (a restart without them can).
 */
final class RouteFileReload implements ResourceReload {
    private static final Logger LOG = LoggerFactory.getLogger("perpcarry.routes");

    /**
     * The route group ({@code group: guard} in routes/) of the routes whose loss would leave a held hedge unprotected
     * or the emergency file unread.
     */
    static final String GUARD_GROUP = "guard";

    private final CamelContext camel;

    RouteFileReload(CamelContext camel) {
        this.camel = camel;
    }

    /** Replaces the reload action of the watcher Camel Main installed (camel.main.routes-reload-enabled). */
    static void install(CamelContext camel) {
        RouteWatcherReloadStrategy watcher = camel.hasService(RouteWatcherReloadStrategy.class);
        if (watcher != null) {
            watcher.setResourceReload(new RouteFileReload(camel));
        }
    }

    @Override
    public void onReload(String name, Resource resource) throws Exception {
        Path file = fileOf(resource);
        Set<String> before = routesFrom(file);
        if (!Files.exists(file)) {
            Set<String> removed = removeUnguarded(before, file);
            LOG.warn("{} deleted: its routes {} are removed", file, removed);
            return;
        }
        Set<String> loaded;
        try {
            loaded = PluginHelper.getRoutesLoader(camel).updateRoutes(List.of(resource));
        } catch (Exception e) {
            Set<String> running = new LinkedHashSet<>();
            for (String id : before) {
                if (camel.getRouteController().getRouteStatus(id) == ServiceStatus.Started) {
                    running.add(id);
                }
            }
            throw new IllegalArgumentException(file + " not reloaded (still running from before: " + running + "): "
                    + rootMessage(e), e);
        }
        if (loaded.isEmpty() && !before.isEmpty()) {
            // Also what an editor's in-place save can show for a moment (truncated, not yet written).
            throw new IllegalArgumentException(file + " declares no route now; its routes " + before
                    + " keep running (delete the file to remove them)");
        }
        Set<String> dropped = new LinkedHashSet<>(before);
        dropped.removeAll(loaded);
        dropped = removeUnguarded(dropped, file);
        LOG.info("{} reloaded: routes {}{}", file, loaded, dropped.isEmpty() ? "" : "; removed " + dropped);
        int index = 1;
        for (String id : loaded) {
            EventHelper.notifyRouteReloaded(camel, camel.getRoute(id), index++, loaded.size());
        }
    }

    /** Removes the routes that are not guards; the guards stay running, loudly. Returns what was removed. */
    private Set<String> removeUnguarded(Set<String> ids, Path file) throws Exception {
        Set<String> removed = new LinkedHashSet<>();
        Set<String> kept = new LinkedHashSet<>();
        for (String id : ids) {
            Route route = camel.getRoute(id);
            if (route != null && GUARD_GROUP.equals(route.getGroup())) {
                kept.add(id);
            } else {
                remove(id);
                removed.add(id);
            }
        }
        if (!kept.isEmpty()) {
            LOG.error("{}: guard routes {} are no longer in routes/ but keep running (they protect the held hedge and"
                    + " read the emergency file); put them back before the next restart, which would start without"
                    + " them", file, kept);
        }
        return removed;
    }

    private void remove(String id) throws Exception {
        camel.getRouteController().stopRoute(id);
        camel.removeRoute(id);
    }

    /** Ids of the routes loaded from this file. */
    private Set<String> routesFrom(Path file) {
        Set<String> ids = new LinkedHashSet<>();
        for (Route r : camel.getRoutes()) {
            Resource source = r.getSourceResource();
            if (source != null && file.equals(fileOf(source))) {
                ids.add(r.getRouteId());
            }
        }
        return ids;
    }

    /** The same file whether Camel named it "file:routes/x.yaml" (include pattern) or by the watcher's path. */
    static Path fileOf(Resource resource) {
        String location = resource.getLocation();
        if (location.startsWith("file:")) {
            location = location.substring("file:".length());
        }
        return Path.of(location).toAbsolutePath().normalize();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        // YAML parse errors span lines (the message, then where): one line in the log.
        return m != null ? m.strip().replaceAll("\\s*\\R\\s*", "; ") : t.getClass().getSimpleName();
    }
}
