package com.example.shop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalSpec;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

@SpringBootApplication
public class ShopApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShopApplication.class, args);
	}

	/** order_confirmed = Signal() */
	@Component
	public static final class OrderConfirmed extends Signal {

		OrderConfirmed() {
			super(SignalSpec.named("order_confirmed").argument("order", String.class));
		}

	}

	@Component
	public static class Stock {

		final List<String> reserved = new CopyOnWriteArrayList<>();

		@Receiver(OrderConfirmed.class)
		void reserve(String order) {
			this.reserved.add(order);
		}

	}

}
