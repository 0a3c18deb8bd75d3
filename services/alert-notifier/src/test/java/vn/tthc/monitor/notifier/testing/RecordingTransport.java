package vn.tthc.monitor.notifier.testing;

import java.util.ArrayList;
import java.util.List;
import vn.tthc.monitor.notifier.delivery.ChannelKind;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.delivery.DeliveryException;
import vn.tthc.monitor.notifier.delivery.Transport;

/** Keeps what it was asked to send; fails every attempt while {@link #down()}. */
public final class RecordingTransport implements Transport {

    private final ChannelKind channel;
    private final List<Delivery> sent = new ArrayList<>();
    private int failedAttempts;
    private boolean down;

    public RecordingTransport(final ChannelKind channel) {
        this.channel = channel;
    }

    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    public List<Delivery> sent() {
        return List.copyOf(sent);
    }

    public List<String> subjects() {
        return sent.stream().map(d -> d.notification().message().subject()).toList();
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    @Override
    public ChannelKind channel() {
        return channel;
    }

    @Override
    public void send(final Delivery delivery) throws DeliveryException {
        if (down) {
            failedAttempts++;
            throw new DeliveryException("server down");
        }
        sent.add(delivery);
    }
}
