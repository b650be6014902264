module github.com/vitae-dev/vitae

go 1.26.8

require (
	github.com/go-playground/locales v0.14.1
	github.com/go-text/typesetting v0.3.5
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/urfave/cli/v3 v3.14.0
	github.com/yuin/goldmark v1.8.7
	go.yaml.in/yaml/v4 v4.0.0
	golang.org/x/image v0.47.0
	golang.org/x/text v0.43.0
)

require github.com/klauspost/compress v1.20.3
