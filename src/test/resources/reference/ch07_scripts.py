# Runs two of the book's ch07 scripts after np.random.seed(0), the way their numbers in the tests were printed:
#   train_convnet.py with the script's own "if it takes too long" lines switched on (x_train[:5000], x_test[:1000])
#   and max_epochs = 2 -> train_convnet_small.txt; gradient_check.py -> gradient_check.txt.
# usage: python3 ch07_scripts.py PATH/TO/deep-learning-from-scratch   (the Korean repository, commit 4fafa71, with
#        the four MNIST .gz files in its dataset/ folder; matplotlib is not needed)
import os
import subprocess
import sys

repo = os.path.abspath(sys.argv[1])
here = os.path.dirname(os.path.abspath(__file__))

src = open(os.path.join(repo, 'ch07', 'train_convnet.py'), encoding='utf-8').read()
src = src.replace("from common.trainer import Trainer\n", "from common.trainer import Trainer\nnp.random.seed(0)\n")
src = src.replace("import matplotlib.pyplot as plt\n", "")
src = src.replace("#x_train, t_train = x_train[:5000], t_train[:5000]", "x_train, t_train = x_train[:5000], t_train[:5000]")
src = src.replace("#x_test, t_test = x_test[:1000], t_test[:1000]", "x_test, t_test = x_test[:1000], t_test[:1000]")
src = src.replace("max_epochs = 20", "max_epochs = 2")
src = src.replace('network.save_params("params.pkl")', 'network.save_params(os.devnull)')
src = src[:src.index("# 그래프 그리기")]

check = open(os.path.join(repo, 'ch07', 'gradient_check.py'), encoding='utf-8').read()
check = check.replace("from simple_convnet import SimpleConvNet\n", "from simple_convnet import SimpleConvNet\nnp.random.seed(0)\n")

env = dict(os.environ, OPENBLAS_NUM_THREADS='1')
for name, code in (('train_convnet_small.txt', src), ('gradient_check.txt', check)):
    script = os.path.join(repo, 'ch07', '_seed0_' + name.replace('.txt', '.py'))
    with open(script, 'w', encoding='utf-8') as f:
        f.write(code)
    try:
        out = subprocess.run([sys.executable, script], cwd=os.path.join(repo, 'ch07'), env=env, capture_output=True,
                             text=True, check=True).stdout
    finally:
        os.remove(script)
    with open(os.path.join(here, name), 'w') as f:
        f.write(out)
