package vn.tthc.monitor.notifier.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.notifier.delivery.ChannelKind;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.delivery.DeliveryException;
import vn.tthc.monitor.notifier.delivery.Transport;

/**
 * POSTs the notification as JSON to the head's webhook: its payload (kind, unit, subject, dashboard,
 * and the alert or the warnings) with {@code idempotencyKey}, also sent as the {@code Idempotency-Key}
 * header. Any answer other than 2xx is a failure and is retried.
 */
public final class WebhookTransport implements Transport {

    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final HttpClient http;
    private final Duration timeout;

    public WebhookTransport(final Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    @Override
    public ChannelKind channel() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public void send(final Delivery delivery) throws DeliveryException {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("idempotencyKey", delivery.idempotencyKey());
        body.putAll(delivery.notification().payload());
        final HttpRequest request;
        try {
            request = HttpRequest.newBuilder(java.net.URI.create(delivery.address()))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(IDEMPOTENCY_HEADER, delivery.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(ContractJson.mapper().writeValueAsBytes(body)))
                .build();
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("a notification payload is always JSON", e);
        }
        final HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (final IOException e) {
            throw new DeliveryException("webhook " + delivery.address() + ": " + e, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while calling " + delivery.address(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryException("webhook " + delivery.address() + " answered " + response.statusCode());
        }
    }
}
