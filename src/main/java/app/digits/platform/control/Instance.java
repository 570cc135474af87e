package app.digits.platform.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The name of this running instance among the instances that share one MongoDB: host, process id and a random
 * suffix (two starts of the same process id on one host must differ). Cluster records say who did what with
 * it: who holds the training lease, who served a model.
 */
public final class Instance {

    public static final String ID = host() + "-" + ProcessHandle.current().pid() + "-" + suffix();

    private Instance() {
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    private static String suffix() {
        var bytes = new byte[3];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
