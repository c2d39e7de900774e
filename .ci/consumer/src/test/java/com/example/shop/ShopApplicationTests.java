package com.example.shop;

import java.util.Map;

import io.signalsforspring.signals.test.CaptureSignals;
import io.signalsforspring.signals.test.CapturedSignals;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static io.signalsforspring.signals.test.SignalsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@CaptureSignals
class ShopApplicationTests {

	@Autowired
	private ShopApplication.OrderConfirmed orderConfirmed;

	@Autowired
	private ShopApplication.Stock stock;

	@Test
	void aConfirmedOrderReservesStock(CapturedSignals sent) {
		this.orderConfirmed.send(this, Map.of("order", "A-1"));
		assertThat(this.stock.reserved).containsExactly("A-1");
		assertThat(sent).sent(ShopApplication.OrderConfirmed.class).with("order", "A-1").once();
	}

}
