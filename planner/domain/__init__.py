"""What the plan is made of: the model, the labels and reference data, errors, the core's
language, and text from outside made safe."""
