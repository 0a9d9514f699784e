package vn.motcua.gateway.digitization;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import vn.motcua.gateway.support.FakeDigitization;
import vn.motcua.gateway.support.GatewayIT;

/** The gateway with {@link FakeDigitization} behind its digitization channel. */
abstract class DigitizationGatewayIT extends GatewayIT {

    protected final FakeDigitization digitization = FakeDigitization.start();

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("grpc.channels.digitization.address", digitization.address());
        properties.putAll(moreProperties());
        return properties;
    }

    protected Map<String, String> moreProperties() {
        return Map.of();
    }

    @BeforeEach
    void resetDigitization() {
        digitization.reset();
    }

    @AfterAll
    void stopDigitization() throws InterruptedException {
        digitization.close();
    }
}
