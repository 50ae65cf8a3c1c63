package id.anycheck.auth.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards TCP connections from a port on 127.0.0.1 to a target, so that a test can cut a
 * database off and bring it back without touching the database server. {@link #cut()} closes
 * the listening socket and every forwarded connection; {@link #restore()} listens again on the
 * same port. Thread-safe.
 */
final class TcpForwarder implements AutoCloseable {

    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private final int port;

    TcpForwarder(String targetHost, int targetPort) {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    int port() {
        return port;
    }

    /** Closes the listening socket and every open connection: the target looks unreachable. */
    synchronized void cut() {
        closeQuietly(listener);
        sockets.forEach(TcpForwarder::closeQuietly);
        sockets.clear();
    }

    /** Listens again on the same port. */
    synchronized void restore() {
        listener = listen(port);
        accept(listener);
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket serverSocket) {
        Thread acceptor = new Thread(() -> {
            while (!serverSocket.isClosed()) {
                Socket client;
                try {
                    client = serverSocket.accept();
                } catch (IOException closed) {
                    return;
                }
                try {
                    Socket server = new Socket(target.getAddress(), target.getPort());
                    forward(serverSocket, client, server);
                } catch (IOException refused) {
                    closeQuietly(client);
                }
            }
        }, "tcp-forwarder-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts copying both ways, unless cut() closed the listener while the connection was being made. */
    private synchronized void forward(ServerSocket serverSocket, Socket client, Socket server) {
        if (serverSocket.isClosed()) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        sockets.add(client);
        sockets.add(server);
        pipe(client, server);
        pipe(server, client);
    }

    private static void pipe(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException closed) {
                // One side closed: close both below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-forwarder-pipe");
        copier.setDaemon(true);
        copier.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed.
        }
    }
}
