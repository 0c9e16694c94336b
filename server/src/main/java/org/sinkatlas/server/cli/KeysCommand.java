package org.sinkatlas.server.cli;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreException;
import org.sinkatlas.server.auth.ApiKey;
import org.sinkatlas.server.auth.ApiKeys;
import org.sinkatlas.server.http.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keys}: list, make and revoke API keys straight in a store, for an admin at the server's console
 * (the same acts as {@code /admin/keys}). A GeoPackage store is open to one program at a time: while the
 * server runs on it, use {@code /admin/keys} instead.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "List, make and revoke API keys.",
        subcommands = {KeysCommand.ListKeys.class, KeysCommand.Create.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("use: keys list | keys create | keys revoke  (each with --help)");
    }

    abstract static class OnStore implements Callable<Integer> {
        @Mixin
        StoreOption store;

        abstract void run(ApiKeys keys);

        @Override
        public Integer call() {
            try (LayerStore s = StoreLocation.openExisting(store.location)) {
                run(new ApiKeys(s, Duration.ZERO));
                return 0;
            } catch (StoreException | IllegalArgumentException e) {
                System.err.println("sink-atlas: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every key, revoked ones included (no secrets).")
    static final class ListKeys extends OnStore {
        @Override
        void run(ApiKeys keys) {
            System.out.printf("%-16s  %-7s  %-8s  %-24s  %s%n", "id", "role", "state", "created", "name · layers");
            for (ApiKey k : keys.list()) {
                System.out.printf("%-16s  %-7s  %-8s  %-24s  %s · %s%n", k.id(), k.role().id(), k.valid() ? "valid" : "revoked",
                        k.created(), k.name(), String.join(",", k.layers()));
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Make a key; its token is printed once.")
    static final class Create extends OnStore {
        @Option(names = "--name", required = true, description = "Who holds the key, e.g. '吴江区生态环境局 林地组'.")
        String name;

        @Option(names = "--role", required = true, description = "officer or admin.")
        String role;

        @Option(names = "--layers", split = ",", description = "The layers an officer may write, e.g. forests,wetlands (* for all).")
        List<String> layers = List.of();

        @Override
        void run(ApiKeys keys) {
            Set<String> assigned = new LinkedHashSet<>(layers);
            ApiKeys.Issued issued = keys.create(name, Role.ofKey(role), assigned, "console");
            System.out.println("made key " + issued.key().id() + " (" + issued.key().role().id() + ") for " + issued.key().name());
            System.out.println("token, shown only now · 密钥仅显示这一次:");
            System.out.println(issued.token());
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key for good.")
    static final class Revoke extends OnStore {
        @Parameters(index = "0", description = "The key id (see keys list).")
        String keyId;

        @Option(names = "--reason", description = "Why, kept with the revocation.")
        String reason;

        @Override
        void run(ApiKeys keys) {
            ApiKey k = keys.revoke(keyId, reason, "console");
            System.out.println("revoked key " + k.id() + " of " + k.name());
        }
    }
}
