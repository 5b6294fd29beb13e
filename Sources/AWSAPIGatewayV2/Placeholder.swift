// The AWSAPIGatewayV2 module; its types arrive with the issue that needs them.
