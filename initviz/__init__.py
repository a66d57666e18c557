"""initviz: see how weight initialization shapes activations and gradients, layer by layer."""

__version__ = "0.1.0"
