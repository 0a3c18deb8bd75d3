package vn.tthc.monitor.notifier.delivery;

/** Sends deliveries of one channel; throws when the delivery did not happen and should be tried again. */
public interface Transport {

    ChannelKind channel();

    void send(Delivery delivery) throws DeliveryException;
}
