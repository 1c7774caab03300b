# The two set-up commands: `make demo` builds and serves the demo; `make test` runs every test.
.PHONY: demo test native-test lint

demo:
	@echo "the widget is not built yet"; exit 1

test: native-test

native-test:
	cargo test --all-targets
