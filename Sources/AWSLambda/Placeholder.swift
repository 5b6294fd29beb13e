// The AWSLambda module; its types arrive with the issue that needs them.
